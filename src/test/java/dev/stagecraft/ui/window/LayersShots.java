package dev.stagecraft.ui.window;

import dev.stagecraft.report.SizeReport;
import dev.stagecraft.report.StageSize;
import dev.stagecraft.report.layers.FileNode;
import dev.stagecraft.ui.layers.LayersViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;

/**
 * Not a test: run by {@code scripts/layers-ui.sh} under Xvfb with the real toolkit and engine.
 * (1) Builds a small two-stage Dockerfile in the real window and takes the README's screenshots of
 * the Layers tab's file tree and the Sizes tab's treemap ({@code import -window root}); (2) times
 * the Layers view on a large image (default: the README's gcc builder, ~9,600 entries): from asking
 * for the stage to its last layer's tree on screen (the engine's export included), then the whole
 * filesystem up to that layer, then another layer — each read cold by naming the image differently
 * (its id, then its tags), so no read is served from the view's cache. Figures, not assertions.
 */
public final class LayersShots {
    private static final String DOCKERFILE = """
            FROM stagecraft-test/debian:bookworm AS builder
            WORKDIR /src
            RUN mkdir -p /opt/sdk /out/bin /out/share/app \\
             && head -c 60000000 /dev/urandom > /opt/sdk/toolchain.bin \\
             && head -c 2400000 /dev/urandom > /out/bin/server \\
             && head -c 600000 /dev/urandom > /out/share/app/assets.pak \\
             && echo '{"port": 8080}' > /out/share/app/config.json

            FROM stagecraft-test/debian:bookworm
            RUN head -c 9000000 /dev/urandom > /var/cache/setup.bin \\
             && rm -rf /usr/share/doc/* /usr/share/man/*
            COPY --from=builder /out /opt/app
            RUN rm /var/cache/setup.bin
            CMD ["/opt/app/bin/server"]
            """;

    private LayersShots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/shots");
        List<String> images = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("stagecraft-bench/gcc-builder");
        Files.createDirectories(out);
        Path dir = Files.createTempDirectory("stagecraft-shots");
        Path file = Files.writeString(dir.resolve("Dockerfile"), DOCKERFILE);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        WindowStores stores = WindowStores.at(dir.resolve("config"), dir.resolve("state"));
        MainWindow w = onFx(() -> {
            MainWindow m = new MainWindow(new Stage(), stores, GraphPorts::create);
            m.show(null);
            m.stage().setX(0);
            m.stage().setY(0);
            m.stage().setWidth(1400);
            m.stage().setHeight(1000);
            return m;
        });
        CompletableFuture<Boolean> opened = onFx(() -> w.files().open(file));
        if (!opened.get(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("could not open " + file);
        }
        waitFor("the engine", () -> onFxQuietly(() -> w.builds().engineMonitor().engineProperty().get() != null), 30);
        onFx(() -> {
            w.builds().build();
            return null;
        });
        waitFor("the build", () -> onFxQuietly(() -> w.builds().buildModel().outcomeProperty().get() != null
                && !w.builds().buildModel().runningProperty().get()), 300);
        if (!onFx(() -> w.builds().buildModel().outcomeProperty().get().success())) {
            throw new IllegalStateException("the build failed");
        }
        LayersViewModel m = onFx(() -> w.builds().layersOf(w.session()).layers());

        // the Layers tab: the final stage's first RUN, only its changes, folders open
        onFx(() -> {
            w.scene().getRoot().lookupAll(".split-pane").stream().map(n -> (javafx.scene.control.SplitPane) n)
                    .filter(p -> p.getOrientation() == javafx.geometry.Orientation.VERTICAL).findFirst()
                    .ifPresent(p -> p.setDividerPositions(0.4));
            w.bottomTabs().getSelectionModel().select(w.builds().layersTab());
            return null;
        });
        waitFor("the layers", () -> onFxQuietly(() -> m.treeProperty().get() != null), 120);
        onFx(() -> {
            m.layerProperty().set(m.layers().stream().filter(l -> l.line() != null && l.line() == 10).findFirst()
                    .orElseThrow());
            return null;
        });
        waitFor("the RUN's tree", () -> onFxQuietly(() -> m.treeProperty().get() != null
                && m.treeProperty().get().find("/var/cache/setup.bin").isPresent()), 30);
        Thread.sleep(500);
        onFx(() -> {
            @SuppressWarnings("unchecked")
            TreeTableView<FileNode> t = (TreeTableView<FileNode>) w.scene().lookup("#layers-tree");
            open(t.getRoot(), List.of("/", "/var", "/var/cache", "/usr", "/usr/share"));
            return null;
        });
        shot(out.resolve("layers-tree.png"));

        // the Sizes tab: composition, largest files and treemap of the final image
        onFx(() -> {
            w.bottomTabs().getSelectionModel().select(w.builds().sizesTab());
            return null;
        });
        waitFor("the final image's files", () -> onFxQuietly(() -> !w.builds().sizesModel().largestFiles().isEmpty()), 120);
        Thread.sleep(1000);
        shot(out.resolve("treemap.png"));

        // the Layers view on a large image
        onFx(() -> {
            w.bottomTabs().getSelectionModel().select(w.builds().layersTab());
            return null;
        });
        System.out.printf("machine: %d CPUs, load %s%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip());
        try {
            for (String image : images) {
                time(w, m, image);
            }
        } catch (RuntimeException e) {
            System.out.println("failed: " + e.getMessage() + "; the tab says: " + onFx(() -> m.statusProperty().get()
                    + " | tree " + (m.treeProperty().get() == null ? "none" : m.treeProperty().get().path())
                    + " | layer " + m.layerProperty().get()));
            System.exit(1);
        }
        onFx(() -> {
            w.stage().close();
            return null;
        });
        stores.close();
        Platform.exit();
        System.exit(0);
    }

    /** Shows {@code image} as a one-stage build in the Layers tab and prints how long each view takes. */
    private static void time(MainWindow w, LayersViewModel m, String image) throws Exception {
        long size = new ProcessBuilder("/usr/bin/docker", "image", "inspect", "--format", "{{.Size}}", image)
                .redirectErrorStream(true).start().inputReader().lines().findFirst().map(String::strip)
                .map(Long::parseLong).orElse(0L);
        SizeReport one = new SizeReport(image, null, "bench", 0,
                List.of(new StageSize(0, "bench", image, size, true, List.of())), 0, List.of());
        long t0 = System.nanoTime();
        onFx(() -> {
            m.scopeProperty().set(LayersViewModel.Scope.LAYER);
            m.show(one);
            return null;
        });
        waitFor("the tree of " + image, () -> shown(w, m), 600);
        long read = System.nanoTime() - t0;
        int entries = onFx(() -> m.reportProperty().get().layers().stream().mapToInt(l -> l.added() + l.modified() + l.removed()).sum());
        FileNode layerTree = onFx(() -> m.treeProperty().get());
        long t1 = System.nanoTime();
        onFx(() -> {
            m.scopeProperty().set(LayersViewModel.Scope.FILESYSTEM);
            return null;
        });
        waitFor("the whole filesystem", () -> onFxQuietly(() -> m.treeProperty().get() != layerTree) && shown(w, m), 60);
        long whole = System.nanoTime() - t1;
        int nodes = onFx(() -> count(m.treeProperty().get()));
        FileNode wholeTree = onFx(() -> m.treeProperty().get());
        long t2 = System.nanoTime();
        onFx(() -> {
            m.layerProperty().set(m.layers().get(0));
            return null;
        });
        waitFor("the first layer", () -> onFxQuietly(() -> m.treeProperty().get() != wholeTree) && shown(w, m), 60);
        long other = System.nanoTime() - t2;
        System.out.printf("%s (%d MB, %d layer entries, %d nodes in the whole tree): read and last layer's tree shown %d ms;"
                        + " whole filesystem up to it %d ms; another layer %d ms%n", image, size / 1_000_000, entries,
                nodes, read / 1_000_000, whole / 1_000_000, other / 1_000_000);
    }

    /** Whether the tree is set and its rows are laid out (a pulse has passed since). */
    private static boolean shown(MainWindow w, LayersViewModel m) {
        return onFxQuietly(() -> {
            TreeTableView<?> t = (TreeTableView<?>) w.scene().lookup("#layers-tree");
            return m.treeProperty().get() != null && t != null && t.getRoot() != null
                    && t.getRoot().getValue() == m.treeProperty().get()
                    && !t.lookupAll(".tree-table-row-cell").isEmpty();
        }) && pulsed(w);
    }

    /** Waits for the next pulse's layout pass to end: what the tree shows is then on screen. */
    private static boolean pulsed(MainWindow w) {
        CountDownLatch done = new CountDownLatch(1);
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            done.countDown();
            Platform.runLater(() -> w.scene().removePostLayoutPulseListener(listener[0]));
        };
        Platform.runLater(() -> {
            w.scene().addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
        });
        try {
            return done.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int count(FileNode n) {
        List<FileNode> todo = new ArrayList<>(List.of(n));
        int c = 0;
        while (!todo.isEmpty()) {
            FileNode f = todo.remove(todo.size() - 1);
            c++;
            todo.addAll(f.children());
        }
        return c;
    }

    private static void open(TreeItem<FileNode> item, List<String> paths) {
        if (item == null || !paths.contains(item.getValue().path())) {
            return;
        }
        item.setExpanded(true);
        item.getChildren().forEach(c -> open(c, paths));
    }

    private static void shot(Path png) throws Exception {
        Thread.sleep(300);
        Process p = new ProcessBuilder("import", "-window", "root", png.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("import failed");
        }
        System.out.println("wrote " + png);
    }

    private static void waitFor(String what, BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(what + " did not come within " + seconds + " s");
            }
            Thread.sleep(5);
        }
    }

    private static boolean onFxQuietly(Callable<Boolean> c) {
        try {
            return onFx(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
