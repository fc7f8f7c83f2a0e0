package dev.m1go.app;

import dev.m1go.binary.BinaryInspector;
import dev.m1go.core.UserError;
import dev.m1go.host.Arch;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.function.Consumer;

/**
 * {@code m1go:inspect}: what binaries, shared libraries, object files and static archives really are, read from their
 * own bytes; one JSON line per file as it is read, then a table with the findings. A file that cannot be read is one
 * finding; the rest of a directory is still inspected.
 */
public final class InspectUseCase {

    private final Context context;

    public InspectUseCase(Context context) {
        this.context = context;
    }

    /**
     * @param jsonLines receives each file's JSON line as soon as it is read
     * @throws UserError        no path, a path that does not exist, an unknown {@code m1go.target}
     * @throws EnvironmentError a directory that cannot be listed
     */
    public InspectResult run(InspectRequest request, Consumer<String> jsonLines) throws UserError, EnvironmentError {
        if (request.path() == null) {
            throw new UserError(context.render("No file given: give m1go.path=<file or directory>."));
        }
        String target = request.target();
        Arch arch = null;
        if (target != null && !target.isBlank()) {
            String name = target.substring(target.lastIndexOf('/') + 1);
            arch = Arch.parse(name)
                    .orElseThrow(() -> new UserError(context.render("Invalid m1go.target '" + target
                            + "': give an architecture such as arm64, amd64, x86_64 or linux/arm64.")));
        }
        BinaryInspector.Inspection result;
        try {
            result = BinaryInspector.inspectAll(request.path(), arch, f -> jsonLines.accept(BinaryInspector.json(f)));
        } catch (NoSuchFileException e) {
            throw new UserError(context.render("The path " + request.path() + " (m1go.path) does not exist."));
        } catch (IOException e) {
            throw new EnvironmentError(
                    context.render("Cannot list " + request.path() + " (m1go.path): " + e.getMessage()), e, false);
        }
        String failure = result.unreadable().isEmpty()
                ? null
                : context.render("Cannot read "
                        + dev.m1go.core.Plural.of(result.unreadable().size(), "file") + " under " + request.path()
                        + " (m1go.path): " + String.join("; ", result.unreadable()));
        return new InspectResult(result.facts(), BinaryInspector.table(result.facts()), result.unreadable(), failure);
    }
}
