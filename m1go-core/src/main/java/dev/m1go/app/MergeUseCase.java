package dev.m1go.app;

import dev.m1go.core.UserError;
import dev.m1go.report.Report;
import dev.m1go.reproduce.MergeReports;
import dev.m1go.reproduce.Publish;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code m1go:merge}: several report.json files into one report, compared and published as a run's report is. */
public final class MergeUseCase {

    private final Context context;

    public MergeUseCase(Context context) {
        this.context = context;
    }

    /**
     * @throws UserError        a setting or input to change, named the front end's way
     * @throws EnvironmentError the merged reports could not be written
     */
    public MergeResult run(MergeRequest request) throws UserError, EnvironmentError {
        Path out = request.outputDirectory() != null
                ? request.outputDirectory()
                : context.workingDirectory().resolve(Defaults.OUTPUT_DIRECTORY);
        Publish publish = new Publish(context.environment(), context.out(), context.log());
        MergeReports merge = new MergeReports(context.log());
        Publish.Published published;
        try {
            Publish.Plan plan = publish.prepare(request.publish());
            List<Path> files = merge.inputs(request.inputs(), context.workingDirectory(), out);
            Report merged =
                    merge.merge(files, out, context.frontend().tool() + " merge", r -> publish.compare(plan, r));
            published = publish.publish(plan, merged, out);
        } catch (UserError e) {
            throw new UserError(context.render(e.getMessage()));
        } catch (IOException e) {
            throw new EnvironmentError(context.render("m1go could not merge into " + out + ": " + e), e, false);
        }
        String failure =
                published.failing().isEmpty() ? null : context.render(Publish.failureMessage(published, out, false));
        return new MergeResult(
                published.report(),
                out,
                ReproduceUseCase.written(out, request.publish().reportsDirectory()),
                failure);
    }
}
