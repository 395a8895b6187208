package dev.stagecraft.ui.bench;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.testing.Corpus;
import dev.stagecraft.ui.graph.GraphView;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The graph pane alone (not a test; figures, run by scripts/bench-graph.sh): opening a generated
 * 1,600-stage, ~5 MB Dockerfile's graph in a 1000×700 pane to an interactive view (setGraph, the
 * CSS and layout pass that puts it on screen), the heap after it, and a zoom step and a pan step
 * on it; then moby/moby's 37 stages the same way. Parsing is measured apart (the window's part).
 * Headless (Monocle, software rendering), as the UI tests run.
 */
public final class GraphPaneBench {
    private GraphPaneBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        int stages = args.length > 0 ? Integer.parseInt(args[0]) : 1600;
        String text = BigDockerfile.generate(stages, stages * 78);
        long t0 = System.nanoTime();
        StageGraph big = StageGraph.parse(text);
        long parsed = System.nanoTime() - t0;
        StageGraph moby = StageGraph.parse(Corpus.read(Corpus.file("008-")));
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        onFx(() -> Application.setTheme());
        Class.forName("dev.stagecraft.ui.graph.layout.StageLayout"); // the app's preload thread does this at launch
        dev.stagecraft.ui.graph.layout.StageLayout.warmUp(dev.stagecraft.ui.graph.layout.StageLayout.WARM_UP, () -> false); // ... and the window warms ELK up once shown
        System.out.printf("file: %d stages, %d edges, %.1f MB; parse %.0f ms (not the pane's)%n", big.stages().size(),
                big.edges().size(), text.length() / 1e6, parsed / 1e6);
        long before = usedHeap();
        GraphView[] view = new GraphView[1];
        long open = time(() -> {
            Stage s = new Stage();
            view[0] = new GraphView();
            s.setScene(new Scene(view[0], 1000, 700));
            s.show();
            view[0].setGraph(big);
            view[0].applyCss();
            view[0].layout();
        });
        long heap = usedHeap();
        System.out.printf("open %d stages to an interactive pane: %.0f ms; heap %d MB in all, %d MB for the pane%n",
                stages, open / 1e6, heap >> 20, (heap - before) >> 20);
        Scene scene = view[0].getScene();
        long[] zoom = new long[10];
        long[] pan = new long[10];
        for (int i = 0; i < zoom.length; i++) {
            int k = i;
            zoom[i] = frame(scene, () -> {
                if (k % 2 == 0) {
                    view[0].zoomIn();
                } else {
                    view[0].zoomOut();
                }
            });
            pan[i] = frame(scene, () -> view[0].setViewport(view[0].zoom(), -200.0 * k, -50.0 * k));
        }
        System.out.printf("zoom step to the next frame's CSS and layout: p50 %.1f ms, max %.1f ms%n", p50(zoom), max(zoom));
        System.out.printf("pan step to the next frame's CSS and layout: p50 %.1f ms, max %.1f ms%n", p50(pan), max(pan));
        long[] mobyOpen = new long[11];
        for (int i = 0; i < mobyOpen.length; i++) {
            mobyOpen[i] = time(() -> {
                GraphView v = new GraphView();
                scene.setRoot(v);
                v.setGraph(moby);
                v.applyCss();
                v.layout();
            });
        }
        System.out.printf("moby/moby (37 stages) in a new pane: first %.0f ms, then p50 %.0f ms%n", mobyOpen[0] / 1e6,
                p50(Arrays.copyOfRange(mobyOpen, 1, mobyOpen.length)));
        Platform.exit();
        System.exit(0);
    }

    /** The theme the app uses. */
    private static final class Application {
        static void setTheme() {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        }
    }

    /**
     * A change on the FX thread and the CSS and layout pass of the pulse that follows (the wait for
     * the 60 Hz pulse timer left out), as UiBench measures keystrokes.
     */
    private static long frame(Scene scene, Runnable change) throws InterruptedException {
        long[] t = new long[4];
        CountDownLatch pulsed = new CountDownLatch(1);
        Runnable[] listeners = new Runnable[2];
        listeners[0] = () -> t[2] = System.nanoTime();
        listeners[1] = () -> {
            t[3] = System.nanoTime();
            pulsed.countDown();
        };
        onFx(() -> {
            scene.addPreLayoutPulseListener(listeners[0]);
            scene.addPostLayoutPulseListener(listeners[1]);
            t[0] = System.nanoTime();
            change.run();
            t[1] = System.nanoTime();
        });
        pulsed.await();
        onFx(() -> {
            scene.removePreLayoutPulseListener(listeners[0]);
            scene.removePostLayoutPulseListener(listeners[1]);
        });
        return t[1] - t[0] + (t[3] - t[2]);
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long time(Runnable r) throws InterruptedException {
        long[] t = new long[1];
        onFx(() -> {
            long s = System.nanoTime();
            r.run();
            t[0] = System.nanoTime() - s;
        });
        return t[0];
    }

    private static double p50(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static double max(long[] nanos) {
        return Arrays.stream(nanos).max().orElse(0) / 1e6;
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Throwable[] failed = new Throwable[1];
        Platform.runLater(() -> {
            try {
                r.run();
            } catch (Throwable e) {
                failed[0] = e;
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (failed[0] != null) {
            throw new IllegalStateException(failed[0]);
        }
    }
}
