package dev.stagecraft.ui.bench;

import dev.stagecraft.ui.window.GraphPorts;
import dev.stagecraft.ui.window.MainWindow;
import dev.stagecraft.ui.window.WindowStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;

/**
 * Keystroke-to-updated-view timing (not a test; run by scripts/bench-ui.sh): opens the real main
 * window on a generated 2,000-line, 40-stage Dockerfile and, per simulated keystroke, measures
 * (a) the change handling (re-parse, graph update, highlighting, problems) and (b) that plus the
 * CSS and layout pass of the pulse that follows (the wait for the 60 Hz pulse timer excluded), then
 * the lint of that text (on the lint thread, or inline with {@code -Dstagecraft.lint=fx}) and the
 * showing of its findings (underlines, Problems, badges) on the FX thread. Prints p50/p95/max over
 * the iterations.
 */
public final class UiBench {
    private UiBench() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception | Error e) { // the toolkit's thread would keep the JVM (and the script) waiting
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        boolean inlineLint = "fx".equals(System.getProperty("stagecraft.lint"));
        Path dir = Files.createTempDirectory("stagecraft-bench");
        Path file = dir.resolve("big.Dockerfile");
        String text = BigDockerfile.generate(40, 2000);
        Files.writeString(file, text);
        dev.stagecraft.app.Preload.start(); // as the launcher does
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AtomicReference<MainWindow> window = new AtomicReference<>();
        WindowStores stores = WindowStores.at(dir.resolve("config"), dir.resolve("state"));
        onFx(() -> {
            MainWindow w = new MainWindow(new Stage(), stores, GraphPorts::create);
            w.show(null); // the starter example, as at launch
            window.set(w);
        });
        if (Boolean.getBoolean("bench.largeOnly")) { // for profiling the large open alone
            Thread.sleep(3000);
            openLarge(window.get(), dir);
            Thread.sleep(Long.getLong("bench.holdMs", 0)); // time for a heap histogram (jcmd PID GC.class_histogram)
            Platform.exit();
            System.exit(0);
        }
        Thread.sleep(3000); // a user takes seconds to pick a file; the window warms up meanwhile, as in the app
        if (Boolean.getBoolean("bench.threads")) {
            System.out.println("  first open at " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
        }
        openMoby(window.get(), dir);
        if (Boolean.getBoolean("bench.mobyOnly")) { // for profiling the open alone
            Platform.exit();
            System.exit(0);
        }
        open(window.get(), file);
        CodeArea area = window.get().editor().area();
        System.out.printf("file: %d lines, %d stages, %d chars%n", area.getParagraphs().size(),
                window.get().document().getGraph().stages().size(), area.getLength());
        int at = text.indexOf("make -C /src", text.length() / 2);
        long[] handle = new long[iterations];
        long[] frame = new long[iterations];
        javafx.scene.Scene scene = window.get().scene();
        long[] pulseStart = new long[1];
        long[] pulseEnd = new long[1];
        CountDownLatch[] pulsed = new CountDownLatch[1];
        onFx(() -> {
            scene.addPreLayoutPulseListener(() -> pulseStart[0] = System.nanoTime());
            scene.addPostLayoutPulseListener(() -> {
                pulseEnd[0] = System.nanoTime();
                if (pulsed[0] != null) {
                    pulsed[0].countDown();
                }
            });
        });
        long[] lintWorker = new long[iterations];
        long[] lintShown = new long[iterations];
        long[] fxTotal = new long[iterations];
        MainWindow w = window.get();
        for (int i = 0; i < iterations + 50; i++) {
            int k = i;
            CountDownLatch latch = new CountDownLatch(1);
            long[] t = new long[2];
            onFx(() -> {
                pulsed[0] = latch;
                t[0] = System.nanoTime();
                if (k % 2 == 0) {
                    area.insertText(at, "x");
                } else {
                    area.deleteText(at, at + 1);
                }
                t[1] = System.nanoTime();
            });
            latch.await();
            long framePart = pulseEnd[0] - pulseStart[0];
            // lint: on its own thread unless -Dstagecraft.lint=fx; wait until this text's findings are shown
            // (a typist's next key comes later than that), then take what it cost
            long[] lint = new long[2];
            while (true) {
                onFx(() -> {
                    var r = w.document().lintProperty().get();
                    lint[0] = r != null && r.graph() == w.document().getGraph() ? r.nanos() : -1;
                    lint[1] = w.lint().lastApplyNanos();
                });
                if (lint[0] >= 0) {
                    break;
                }
                Thread.sleep(1);
            }
            if (k >= 50) { // the first 50 warm up the JIT
                handle[k - 50] = t[1] - t[0];
                // the pulse's CSS and layout pass (the wait for the 60 Hz pulse timer is left out)
                frame[k - 50] = t[1] - t[0] + framePart;
                lintWorker[k - 50] = lint[0];
                lintShown[k - 50] = lint[1];
                // inline lint is inside the change handling already; off-thread, its result is shown in a later event
                fxTotal[k - 50] = t[1] - t[0] + (inlineLint ? 0 : lint[1]);
            }
        }
        System.out.println("lint: " + (inlineLint ? "on the FX thread, with the parse (-Dstagecraft.lint=fx)"
                : "on its own thread, its result shown on the FX thread") + "; findings now: "
                + w.document().lintProperty().get().findings().size());
        report("change handled (parse + graph + highlighting + problems)", handle);
        report("change handled + the next pulse's CSS and layout", frame);
        report("lint run (" + (inlineLint ? "FX thread, inside the above" : "lint thread") + ")", lintWorker);
        report("lint result shown (underlines + Problems + badges)", lintShown);
        report("FX thread per keystroke, all of it (before the pulse)", fxTotal);
        baseline(text, at, iterations);
        if (!Boolean.getBoolean("bench.keystrokeOnly")) { // for profiling the keystrokes alone
            openLarge(window.get(), dir);
        }
        Platform.exit();
        System.exit(0);
    }

    /**
     * Opening moby/moby's Dockerfile (37 stages) in the running window, as File > Open does after
     * the chooser: read, parse, highlight, build and lay out the graph (ELK), and the pulse's CSS and
     * layout that puts it on screen. The first open in this JVM, 3 s after the window showed the
     * starter example (the window rehearses an open meanwhile, as in the app, unless
     * {@code -Dstagecraft.rehearse=false}), then the medians of 20 more ({@code -Dbench.mobyOpens}
     * in all), ten at a time, each after the window has finished with the starter opened between
     * them (its lint shown, then 300 ms), as a user opens files; {@code -Dbench.settle=false} opens
     * back to back; {@code -Dbench.threads=true} prints each open's phases and the CPU by thread.
     */
    private static void openMoby(MainWindow w, Path dir) throws Exception {
        String mobyText = Files.readString(
                Path.of(System.getProperty("stagecraft.corpus", "../shared/corpus"), "008-moby-moby.Dockerfile"));
        Path starter = dir.resolve("starter.Dockerfile");
        Files.writeString(starter, dev.stagecraft.project.Template.GO.text());
        long[] times = new long[Integer.getInteger("bench.mobyOpens", 21)];
        long[] cpu = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            Path moby = dir.resolve("moby-" + i + ".Dockerfile"); // a fresh copy: no saved places, a full layout
            Files.writeString(moby, mobyText);
            long[] t = new long[1];
            long cpuBefore = fxCpu();
            java.util.Map<String, Long> threadsBefore = threadCpu();
            OpenEvent event = new OpenEvent("moby");
            event.begin();
            long start = System.nanoTime(); // the file is read off the FX thread, then shown on it
            open(w, moby);
            long shown = System.nanoTime() - start;
            long cpuShown = fxCpu() - cpuBefore;
            onFx(() -> {
                w.scene().getRoot().applyCss();
                w.scene().getRoot().layout();
                w.scene().getRoot().layout();
                t[0] = System.nanoTime() - start;
            });
            event.commit();
            times[i] = t[0];
            cpu[i] = fxCpu() - cpuBefore;
            if (Boolean.getBoolean("bench.threads")) {
                System.out.printf("  open %d: shown %.0f ms (FX CPU %.0f), then CSS and layout to %.0f ms (FX CPU %.0f)%n", i,
                        shown / 1e6, cpuShown / 1e6, times[i] / 1e6, cpu[i] / 1e6);
            }
            if (i > 0 && Boolean.getBoolean("bench.threads")) { // where the CPU went during the later opens, by thread
                threadCpu().forEach((name, ns) -> threadTotals.merge(name, ns - threadsBefore.getOrDefault(name, 0L), Long::sum));
            }
            if (w.graph().nodeCount() < 37) {
                throw new IllegalStateException("moby's graph has " + w.graph().nodeCount() + " nodes");
            }
            OpenEvent other = new OpenEvent("starter");
            other.begin();
            open(w, starter); // the next open lays the graph out anew
            if (!"false".equals(System.getProperty("bench.settle"))) { // -Dbench.settle=false: back to back
                // as a user opens the next file: after the window has finished with this one (its lint
                // shown, the events it queued run), not back to back
                settle(w);
            }
            other.commit();
        }
        System.out.printf("open moby/moby's Dockerfile to a laid-out graph on screen: first %.0f ms, then %s%n",
                times[0] / 1e6, medians(times));
        if (Boolean.getBoolean("bench.threads")) {
            threadTotals.entrySet().stream().filter(e -> e.getValue() > 1_000_000L * (times.length - 1))
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> System.out.printf("  thread %s: %.1f ms per open%n", e.getKey(),
                            e.getValue() / 1e6 / (times.length - 1)));
        }
        System.out.printf("  of which CPU time on the FX thread (less sensitive to a loaded machine): first %.0f ms, then %s%n",
                cpu[0] / 1e6, medians(cpu));
    }

    /** The medians of the later opens, ten at a time (opens 2–11, 12–21...): the JIT keeps compiling meanwhile. */
    private static String medians(long[] ns) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int from = 1; from < ns.length; from += 10) {
            long[] part = Arrays.copyOfRange(ns, from, Math.min(ns.length, from + 10));
            Arrays.sort(part);
            out.add(String.format("p50 %.0f ms (opens %d–%d)", part[part.length / 2] / 1e6, from + 1, from + part.length));
        }
        return String.join(", ", out);
    }

    /**
     * Opening a generated 1,600-stage, ~5 MB Dockerfile in the running window as File ▸ Open does:
     * read, parse, highlight, the graph (large-file mode), problems, and the pulse's CSS and layout
     * that puts it on screen; then the heap in use after a full GC, with the file open.
     */
    private static void openLarge(MainWindow w, Path dir) throws Exception {
        String text = BigDockerfile.generate(1600, 1600 * 78);
        Path file = dir.resolve("large.Dockerfile");
        Files.writeString(file, text);
        long[] t = new long[1];
        long cpuBefore = fxCpu();
        long start = System.nanoTime();
        open(w, file);
        onFx(() -> {
            w.scene().getRoot().applyCss();
            w.scene().getRoot().layout();
            t[0] = System.nanoTime() - start;
        });
        long cpu = fxCpu() - cpuBefore;
        // the highlighting away from the view, and the lint's underlines, follow a batch per event:
        // when are all of them drawn?
        boolean[] busy = {true};
        while (busy[0]) {
            onFx(() -> {
                var lint = w.document().lintProperty().get();
                busy[0] = lint == null || lint.graph() != w.document().getGraph() || w.editor().drawingUnderlines();
            });
            Thread.sleep(5);
        }
        long styled = System.nanoTime() - start;
        // one more pulse: the window answers input (a zoom step to its frame)
        long[] z = new long[1];
        onFx(() -> {
            long s = System.nanoTime();
            w.graph().zoomIn();
            w.scene().getRoot().applyCss();
            w.scene().getRoot().layout();
            z[0] = System.nanoTime() - s;
        });
        // typing in its middle: each keystroke's change handling (parse, graph, highlighting), 40 of them
        long[] keys = new long[40];
        CodeArea area = w.editor().area();
        int at = text.indexOf("\nRUN ", text.length() / 2) + 5;
        OpenEvent typing = new OpenEvent("typing in the large file");
        typing.begin();
        for (int k = 0; k < keys.length; k++) {
            int n = k;
            onFx(() -> {
                long s = System.nanoTime();
                if (n % 2 == 0) {
                    area.insertText(at, "x");
                } else {
                    area.deleteText(at, at + 1);
                }
                keys[n] = System.nanoTime() - s;
            });
            Thread.sleep(30);
        }
        typing.commit();
        long[] lastKeys = Arrays.copyOfRange(keys, 10, keys.length); // after the first few have warmed up
        Arrays.sort(lastKeys);
        // the parse, graph and highlighting the window runs when typing pauses (TypingPause), taken now
        long[] settle = new long[1];
        onFx(() -> {
            long s = System.nanoTime();
            w.document().parseNow();
            settle[0] = System.nanoTime() - s;
        });
        System.out.printf("  typing in its middle: a keystroke handled in p50 %.1f ms, max %.1f ms (30 keystrokes after 10);"
                + " the graph and highlighting when typing pauses: %.0f ms%n",
                lastKeys[lastKeys.length / 2] / 1e6, lastKeys[lastKeys.length - 1] / 1e6, settle[0] / 1e6);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        Thread.sleep(300);
        System.gc();
        long used = rt.totalMemory() - rt.freeMemory();
        System.out.printf("open a %.1f MB, %d-stage Dockerfile to an interactive window: %.0f ms, %.0f ms of it CPU on the FX "
                + "thread (then a zoom step %.0f ms); all of it highlighted and its %d findings underlined after %.0f ms; heap in use after GC %d MB of max "
                + "%d MB%n", text.length() / 1e6, w.document().getGraph().stages().size(), t[0] / 1e6, cpu / 1e6, z[0] / 1e6,
                w.document().lintProperty().get().findings().size(), styled / 1e6, used >> 20, rt.maxMemory() >> 20);
    }

    /** Marks each open in a flight recording (-XX:StartFlightRecording), so a profile can take the moby opens alone. */
    @jdk.jfr.Name("dev.stagecraft.bench.Open")
    @jdk.jfr.Label("Open in UiBench")
    static final class OpenEvent extends jdk.jfr.Event {
        @jdk.jfr.Label("What was opened")
        final String what;

        OpenEvent(String what) {
            this.what = what;
        }
    }

    /** Waits until the document's lint result is shown, then a further 300 ms. */
    private static void settle(MainWindow w) throws InterruptedException {
        boolean[] linted = {false};
        while (!linted[0]) {
            onFx(() -> linted[0] = w.document().isCurrent(w.document().lintProperty().get()));
            Thread.sleep(5);
        }
        Thread.sleep(300);
    }

    private static long fxThread = -1;
    private static final java.util.Map<String, Long> threadTotals = new java.util.TreeMap<>();

    /** CPU time used so far by every live thread, by name (threads of one pool summed). */
    private static java.util.Map<String, Long> threadCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (ti != null) {
                long ns = mx.getThreadCpuTime(ti.getThreadId());
                if (ns > 0) {
                    out.merge(ti.getThreadName().replaceAll("-\\d+$", "-*"), ns, Long::sum);
                }
            }
        }
        return out;
    }

    /** CPU time the FX thread has used so far (ns). */
    private static long fxCpu() throws InterruptedException {
        if (fxThread < 0) {
            onFx(() -> fxThread = Thread.currentThread().getId());
        }
        return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(fxThread);
    }

    /** Opens {@code file} as File ▸ Open does and waits until it is shown. */
    private static void open(MainWindow w, Path file) throws Exception {
        java.util.concurrent.CompletableFuture<java.util.concurrent.CompletableFuture<Boolean>> started =
                new java.util.concurrent.CompletableFuture<>();
        onFx(() -> started.complete(w.files().open(file)));
        if (!started.get().get()) {
            throw new IllegalStateException("cannot open " + file);
        }
    }

    /** The same keystrokes in a bare CodeArea (no parsing, no styling): RichTextFX's own cost. */
    private static void baseline(String text, int at, int iterations) throws InterruptedException {
        AtomicReference<CodeArea> bare = new AtomicReference<>();
        onFx(() -> {
            CodeArea a = new CodeArea();
            a.setParagraphGraphicFactory(org.fxmisc.richtext.LineNumberFactory.get(a));
            a.setLineHighlighterOn(Boolean.getBoolean("bench.rtfxHighlighter")); // ~5 ms per keystroke when on
            Stage s = new Stage();
            s.setScene(new javafx.scene.Scene(new org.fxmisc.flowless.VirtualizedScrollPane<>(a), 800, 600));
            s.show();
            a.replaceText(text);
            bare.set(a);
        });
        long[] frame = new long[iterations];
        for (int i = 0; i < iterations + 50; i++) {
            int k = i;
            onFx(() -> {
                CodeArea a = bare.get();
                long t0 = System.nanoTime();
                if (k % 2 == 0) {
                    a.insertText(at, "x");
                } else {
                    a.deleteText(at, at + 1);
                }
                a.getParent().applyCss(); // forces a CSS update of the area (an upper bound)
                a.getScene().getRoot().layout();
                if (k >= 50) {
                    frame[k - 50] = System.nanoTime() - t0;
                }
            });
        }
        report("baseline: bare CodeArea with line numbers + CSS + layout", frame);
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%-58s p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms%n", what,
                s[s.length / 2] / 1e6, s[(int) (s.length * 0.95)] / 1e6, s[s.length - 1] / 1e6);
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }
}
