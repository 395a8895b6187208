package dev.stagecraft.report;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.Images;
import dev.stagecraft.engine.build.BuildResult;
import dev.stagecraft.engine.session.BuildOutcome;
import dev.stagecraft.engine.session.BuildOutcome.Status;
import dev.stagecraft.engine.session.BuildSession;
import dev.stagecraft.engine.session.BuilderKind;
import java.io.IOException;

/**
 * A build session's outcome and, when it succeeded, the size report of the images it made:
 * what the window and {@code stagecraft build} show after a build. {@code reportSeconds} is how
 * long the report took after the target was built (per-stage images and measuring). {@link #run}
 * blocks (off the FX thread); the value is immutable.
 */
public record MeasuredBuild(BuildOutcome build, SizeReport report, double reportSeconds) {

    /**
     * Runs the session, then measures what it built; every ending is a value. Measuring fails
     * only if the engine stops answering (each call within its time limit): then the outcome is
     * {@link Status#ENGINE_LOST} with the reason.
     */
    public static MeasuredBuild run(BuildSession session) throws InterruptedException {
        return measure(session.engine(), session.options().builder(), session.run());
    }

    /** The report for a session's outcome (none unless it succeeded). */
    public static MeasuredBuild measure(Engine engine, BuilderKind builder, BuildOutcome outcome) {
        if (!outcome.success()) {
            return new MeasuredBuild(outcome, null, 0);
        }
        long t0 = System.nanoTime();
        StageGraph graph = outcome.graph();
        Stage target = graph.stages().get(graph.target());
        String targetLabel = target.name() != null ? target.name() : Integer.toString(target.index());
        BuildResult result = outcome.result();
        try {
            SizeReport report = new SizeMeasurement(new Images(engine)).measure(graph, outcome.stageImages(),
                    result.imageId(), targetLabel, builder.label(), result.seconds());
            return new MeasuredBuild(outcome, report, outcome.stageImagesSeconds() + (System.nanoTime() - t0) / 1e9);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? Engine.reason(e) : e.getMessage();
            return new MeasuredBuild(BuildOutcome.ended(Status.ENGINE_LOST, result,
                    "built " + result.imageId() + ", but could not measure it: " + why, null), null, 0);
        }
    }

    /** A session that ended before it could run (an interrupted thread): nothing was built. */
    public static MeasuredBuild interrupted() {
        return new MeasuredBuild(BuildOutcome.cancelled(null), null, 0);
    }

    /** A session that could not run at all; {@code message} says why. */
    public static MeasuredBuild failed(String message) {
        return new MeasuredBuild(BuildOutcome.ended(Status.FAILED, null, message, null), null, 0);
    }

    public Status status() {
        return build.status();
    }

    public boolean success() {
        return report != null;
    }

    public boolean cancelled() {
        return build.cancelled();
    }

    /** One line saying why it did not succeed (null when it did). */
    public String message() {
        return build.message();
    }

    /** The Dockerfile line of the failing instruction, if there is one. */
    public Integer failedLine() {
        return build.failedLine();
    }

    public BuildResult result() {
        return build.result();
    }
}
