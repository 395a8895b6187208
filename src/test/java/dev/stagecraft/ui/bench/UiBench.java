package dev.stagecraft.ui.bench;

import dev.stagecraft.project.ProjectFiles;
import dev.stagecraft.ui.window.GraphPorts;
import dev.stagecraft.ui.window.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;

/**
 * Keystroke-to-updated-view timing (not a test; run by scripts/bench-ui.sh): opens the real main
 * window on a generated 2,000-line, 40-stage Dockerfile and, per simulated keystroke, measures
 * (a) the change handling (re-parse, graph update, highlighting, problems) and (b) that plus the
 * CSS and layout pass of the next frame. Prints p50/p95/max over the iterations.
 */
public final class UiBench {
    private UiBench() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        Path dir = Files.createTempDirectory("stagecraft-bench");
        Path file = dir.resolve("big.Dockerfile");
        String text = BigDockerfile.generate(40, 2000);
        Files.writeString(file, text);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AtomicReference<MainWindow> window = new AtomicReference<>();
        onFx(() -> {
            MainWindow w = new MainWindow(new Stage(), new ProjectFiles(dir.resolve("config")), GraphPorts.create());
            w.show(file);
            window.set(w);
        });
        CodeArea area = window.get().editor().area();
        Parent root = window.get().scene().getRoot();
        System.out.printf("file: %d lines, %d stages, %d chars%n", area.getParagraphs().size(),
                window.get().document().getGraph().stages().size(), area.getLength());
        int at = text.indexOf("make -C /src", text.length() / 2);
        long[] handle = new long[iterations];
        long[] frame = new long[iterations];
        for (int i = 0; i < iterations + 50; i++) {
            int k = i;
            onFx(() -> {
                long t0 = System.nanoTime();
                if (k % 2 == 0) {
                    area.insertText(at, "x");
                } else {
                    area.deleteText(at, at + 1);
                }
                long t1 = System.nanoTime();
                root.applyCss();
                root.layout();
                long t2 = System.nanoTime();
                if (k >= 50) { // the first 50 warm up the JIT
                    handle[k - 50] = t1 - t0;
                    frame[k - 50] = t2 - t0;
                }
            });
        }
        report("change handled (parse + graph + highlighting + problems)", handle);
        report("change handled + CSS + layout of the next frame", frame);
        baseline(text, at, iterations);
        Platform.exit();
        System.exit(0);
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
                a.getScene().getRoot().applyCss();
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
