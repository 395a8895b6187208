package dev.stagecraft.ui.document;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.lint.LintOptions;
import dev.stagecraft.lint.Linter;
import dev.stagecraft.ui.UiThread;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs the linter for a document, latest request first: {@link #direct()} lints on the caller's
 * thread before {@link #submit} returns; {@link #background()} lints on one worker thread and
 * hands each result to the FX thread. Requests that a newer one overtakes before they start are
 * dropped (only the newest text is worth linting); the receiver drops results whose graph is no
 * longer its current one. A check that throws costs its findings, never the window: the result
 * then says why. Thread-safe.
 */
public final class LintRunner {
    private static final System.Logger LOG = System.getLogger(LintRunner.class.getName());

    private final Executor worker;
    private final Executor results;
    private final AtomicReference<Job> pending = new AtomicReference<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    private record Job(StageGraph graph, LintOptions options, Consumer<LintResult> done) {
    }

    LintRunner(Executor worker, Executor results) {
        this.worker = worker;
        this.results = results;
    }

    /** Lints on {@code worker}; results go through {@code results} (tests hold either back to see what waits). */
    public static LintRunner on(Executor worker, Executor results) {
        return new LintRunner(worker, results);
    }

    /** Lints on the calling thread: results arrive before {@link #submit} returns. */
    public static LintRunner direct() {
        return new LintRunner(Runnable::run, Runnable::run);
    }

    /**
     * Lints on a daemon thread of its own; results arrive on the FX thread ({@link UiThread}). The
     * thread is woken after the FX event that asked has been handled: on a two-core machine it would
     * otherwise take a core from the rest of the keystroke (highlighting, graph) it was asked from.
     */
    public static LintRunner background() {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "stagecraft-lint");
            t.setDaemon(true);
            return t;
        });
        return new LintRunner(task -> UiThread.later(() -> worker.execute(task)), UiThread.executor());
    }

    /**
     * The window's runner: {@link #background()}, or {@link #direct()} (lint on the FX thread with
     * the parse) when the system property {@code stagecraft.lint} is {@code fx}, to compare the two.
     */
    public static LintRunner forWindow() {
        return "fx".equals(System.getProperty("stagecraft.lint")) ? direct() : background();
    }

    /** Lints {@code graph} with {@code options}, unless a newer request comes before it starts; {@code done} gets the result. */
    public void submit(StageGraph graph, LintOptions options, Consumer<LintResult> done) {
        pending.set(new Job(graph, options, done));
        if (draining.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Job job;
            while ((job = pending.getAndSet(null)) != null) {
                LintResult r = lint(job.graph(), job.options());
                Consumer<LintResult> done = job.done();
                results.execute(() -> done.accept(r));
            }
            draining.set(false);
            // a request that came between the last poll and the reset would wait forever: take it now
            if (pending.get() == null || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /** One lint run, now, on this thread. */
    public static LintResult lint(StageGraph graph, LintOptions options) {
        long start = System.nanoTime();
        try {
            return new LintResult(graph, options, Linter.lint(graph, options), System.nanoTime() - start, null);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(System.Logger.Level.ERROR, "lint failed", e);
            return new LintResult(graph, options, List.of(), System.nanoTime() - start,
                    "Lint stopped on this text (" + e.getClass().getSimpleName() + "); findings are not shown until "
                            + "the text changes");
        }
    }
}
