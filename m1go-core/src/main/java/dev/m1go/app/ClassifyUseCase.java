package dev.m1go.app;

import dev.m1go.classify.GoCrashClassifier;
import dev.m1go.classify.LogClassification;
import dev.m1go.core.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * {@code m1go:classify}: one JSON line per log ({@code file}, {@code outcome}, {@code signal}, {@code inCgo},
 * {@code signature}, {@code summary}, {@code header}, {@code frames}, and what the reading rests on).
 */
public final class ClassifyUseCase {

    private final Context context;
    private final InputStream standardInput;

    /** @param standardInput what {@code m1go.log=-} reads */
    public ClassifyUseCase(Context context, InputStream standardInput) {
        this.context = context;
        this.standardInput = standardInput;
    }

    /**
     * The JSON lines, in file-name order (one line for standard input, whose {@code file} is {@code -}).
     *
     * @throws UserError        no log, a log that does not exist or is too large, an unknown {@code m1go.os}
     * @throws EnvironmentError a log that exists but cannot be read
     */
    public List<String> run(ClassifyRequest request) throws UserError, EnvironmentError {
        if (request.log() == null) {
            throw new UserError(
                    context.render("No log given: give m1go.log=<file, directory, or - for standard " + "input>."));
        }
        String os = request.os();
        if (os != null && !LogClassification.OPERATING_SYSTEMS.contains(os)) {
            throw new UserError(context.render("Invalid m1go.os '" + os + "': accepted values are "
                    + String.join(", ", LogClassification.OPERATING_SYSTEMS) + "."));
        }
        LogClassification logic =
                new LogClassification(new GoCrashClassifier(), LogClassification.osOf(System.getProperty("os.name")));
        try {
            if (request.fromStandardInput()) {
                return List.of(logic.jsonLine(standardInput, ClassifyRequest.STANDARD_INPUT, os));
            }
            return logic.jsonLines(request.log(), os);
        } catch (NoSuchFileException e) {
            throw new UserError(context.render("The log " + request.log() + " (m1go.log) does not exist."));
        } catch (LogClassification.LogTooLargeException e) {
            throw new UserError(context.render("m1go.log: " + e.getMessage()));
        } catch (IOException e) {
            throw new EnvironmentError(
                    context.render("Cannot read the log " + request.log() + " (m1go.log): " + e.getMessage()),
                    e,
                    false);
        }
    }
}
