package dev.stagecraft.ui.window;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.LintOptions;
import dev.stagecraft.lint.Linter;
import dev.stagecraft.ui.Background;
import dev.stagecraft.ui.editor.DockerfileEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;

/**
 * Opens a generated Dockerfile the size of a big real one (moby/moby's: 37 stages, ~300 lines) a
 * few times in panes that are never shown, shortly after the window appears, while the user has
 * not touched it: the first real open then runs code the JVM has loaded and compiled (in a fresh
 * JVM the first open of moby/moby costs about three times a later one, nearly all of it cold
 * code). Parsing and lint run on a background thread as they do for a real open; the editor, the
 * graph pane, their CSS and layout on the FX thread, one step per event with a pause between, so
 * a pulse or the user's input is never held for more than one step. The first key, click or
 * scroll in the window, or a file being opened, stops it for good. {@code -Dstagecraft.rehearse=false} turns it off
 * (benchmarks measure the difference). FX thread only.
 */
final class OpenRehearsal {
    /** How long after the window shows the rehearsal starts: the toolkit's first frames and the layout warm-up go first. */
    private static final Duration START = Duration.millis(300);
    private static final Duration BETWEEN = Duration.millis(10);
    private static final int ROUNDS = 3;

    private final Scene window;
    private final Supplier<GraphPort> panes;
    private final EventHandler<Event> stop = e -> stop();
    private final List<Runnable> steps = new ArrayList<>();
    private volatile boolean stopped; // read by tests off the FX thread
    /** Every step ran (read off the FX thread by the ELK warm-up). */
    private volatile boolean finished;
    private volatile int done;
    private volatile int planned;

    private OpenRehearsal(Scene window, Supplier<GraphPort> panes) {
        this.window = window;
        this.panes = panes;
    }

    /**
     * Starts rehearsing in a moment, unless turned off (then null); stops at the first input in
     * {@code window}.
     */
    static OpenRehearsal start(Scene window, Supplier<GraphPort> panes) {
        if ("false".equals(System.getProperty("stagecraft.rehearse"))) {
            return null;
        }
        OpenRehearsal r = new OpenRehearsal(window, panes);
        window.addEventFilter(KeyEvent.KEY_PRESSED, r.stop);
        window.addEventFilter(MouseEvent.MOUSE_PRESSED, r.stop);
        window.addEventFilter(ScrollEvent.SCROLL, r.stop);
        CompletableFuture<List<Read>> texts = CompletableFuture.supplyAsync(OpenRehearsal::read, Background.executor());
        PauseTransition wait = new PauseTransition(START);
        wait.setOnFinished(e -> texts.whenCompleteAsync((read, failure) -> {
            if (failure == null) {
                r.plan(read);
                r.next();
            } else {
                r.stop();
            }
        }, dev.stagecraft.ui.UiThread.executor()));
        wait.play();
        return r;
    }

    /** A text as a real open has it when it reaches the FX thread: parsed, with its findings. */
    private record Read(String text, StageGraph graph, List<Finding> findings) {
    }

    private static List<Read> read() {
        List<Read> out = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String text = text(round);
            StageGraph g = StageGraph.parse(text);
            out.add(new Read(text, g, Linter.lint(g, LintOptions.DEFAULT)));
        }
        return out;
    }

    /**
     * The steps: one editor for all rounds (the window keeps its editor and gives it each file's
     * text), a new graph pane per round (the window makes one per file).
     */
    private void plan(List<Read> reads) {
        DockerfileEditor[] editor = new DockerfileEditor[1];
        SplitPane[] root = new SplitPane[1];
        steps.add(() -> {
            editor[0] = new DockerfileEditor(() -> null);
            root[0] = new SplitPane(new javafx.scene.layout.Pane(), editor[0]);
            Scene offstage = new Scene(root[0], window.getWidth(), window.getHeight()); // held by its root
            offstage.getStylesheets().setAll(window.getStylesheets());
            if (window.getRoot() != null) {
                root[0].getStyleClass().addAll(window.getRoot().getStyleClass());
            }
            root[0].resize(window.getWidth(), window.getHeight());
            settle(root[0]);
        });
        for (Read r : reads) {
            GraphPort[] pane = new GraphPort[1];
            steps.add(() -> {
                editor[0].setText(r.text());
                editor[0].show(r.graph());
            });
            steps.add(() -> editor[0].applyCss());
            steps.add(() -> layout(editor[0]));
            steps.add(() -> {
                pane[0] = panes.get();
                root[0].getItems().set(0, pane[0].node());
                pane[0].setGraph(r.graph());
            });
            steps.add(() -> ((Parent) pane[0].node()).applyCss());
            steps.add(() -> settle(root[0]));
            steps.add(() -> {
                editor[0].showFindings(r.graph().tree(), r.findings());
                for (int i = 0; i < r.graph().stages().size(); i++) {
                    pane[0].setStageFindings(i, i % 4, "warning", null);
                }
                settle(root[0]);
            });
        }
        planned = steps.size(); // once they have run (or stopped) the steps go, and the editor and panes with them
    }

    private static void settle(Parent root) {
        root.applyCss();
        layout(root);
    }

    /** Lays out twice, as a pulse settles what the first pass resized. */
    private static void layout(Parent root) {
        root.layout();
        root.layout();
    }

    private void next() {
        if (stopped) {
            return;
        }
        if (steps.isEmpty()) {
            finished = true;
            stop();
            return;
        }
        Runnable step = steps.remove(0);
        try {
            step.run();
            done++;
        } catch (RuntimeException e) {
            // a rehearsal that fails costs nothing but its speed-up: say so and stop
            System.getLogger(OpenRehearsal.class.getName()).log(System.Logger.Level.DEBUG, "open rehearsal stopped", e);
            stop();
            return;
        }
        PauseTransition pause = new PauseTransition(BETWEEN);
        pause.setOnFinished(e -> next());
        pause.play();
    }

    /** Stops for good (the user opens a file: the real open goes first). */
    void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        steps.clear();
        window.removeEventFilter(KeyEvent.KEY_PRESSED, stop);
        window.removeEventFilter(MouseEvent.MOUSE_PRESSED, stop);
        window.removeEventFilter(ScrollEvent.SCROLL, stop);
    }

    /** Whether it has finished or been stopped (tests). */
    boolean over() {
        return stopped;
    }

    /** Whether it was stopped before its end: the user is at work (a key, a click, a file opened). Any thread. */
    boolean interrupted() {
        return stopped && !finished;
    }

    /** How many steps ran (tests). */
    int stepsRun() {
        return done;
    }

    /** How many steps the whole rehearsal has, 0 before its texts are read (tests). */
    int stepsPlanned() {
        return planned;
    }

    /**
     * A Dockerfile shaped like moby/moby's: global ARGs, a base stage, about 35 stages that build
     * tools from it with cache and bind mounts, copies between them, and a final stage gathering
     * their outputs. {@code round} varies the names, so each round makes new nodes as a new file does.
     */
    static String text(int round) {
        StringBuilder b = new StringBuilder("# syntax=docker/dockerfile:1\n\n");
        b.append("ARG GO_VERSION=1.21.").append(round).append("\nARG BASE_DEBIAN_DISTRO=\"bookworm\"\n");
        b.append("ARG GOLANG_IMAGE=\"golang:${GO_VERSION}-${BASE_DEBIAN_DISTRO}\"\nARG XX_VERSION=1.2.1\n\n");
        b.append("FROM --platform=$BUILDPLATFORM tonistiigi/xx:${XX_VERSION} AS xx\n\n");
        b.append("FROM --platform=$BUILDPLATFORM ${GOLANG_IMAGE} AS base").append(round).append('\n');
        b.append("COPY --from=xx / /\nRUN echo 'Binary::apt::APT::Keep-Downloaded-Packages \"true\";' > /etc/apt/apt.conf.d/keep-cache\n");
        b.append("ARG APT_MIRROR\nRUN test -n \"$APT_MIRROR\" && sed -ri \"s#(httpredir|deb).debian.org#$APT_MIRROR#g\" /etc/apt/sources.list || true\n");
        b.append("ENV GO111MODULE=off\nENV GOTOOLCHAIN=local\n\n");
        String[] tools = {"criu", "registry", "swagger", "frozen-images", "gotestsum", "shfmt", "golangci_lint",
            "gowinres", "containerd", "delve", "tomll", "vndr", "runc", "tini", "rootlesskit", "crun", "vpnkit",
            "dockercli", "dockercli-compose", "buildx", "cni", "containerutil", "tools", "containerd-src",
            "runc-src", "tini-src", "rootlesskit-src", "swagger-src", "dockercli-src", "buildx-src", "delve-src",
            "registry-src"};
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tools.length; i++) {
            String name = tools[i] + (round == 0 ? "" : "-" + round);
            names.add(name);
            String from = i > 0 && i % 5 == 0 ? names.get(i - 1) : "base" + round;
            b.append("# ").append(name).append('\n');
            b.append("FROM ").append(from).append(" AS ").append(name).append('\n');
            b.append("ARG ").append(tools[i].toUpperCase().replace('-', '_')).append("_VERSION=v1.").append(i).append(".0\n");
            b.append("WORKDIR /go/src/github.com/example/").append(tools[i]).append('\n');
            b.append("RUN --mount=type=cache,sharing=locked,id=moby-").append(tools[i])
                    .append("-aptlib,target=/var/lib/apt \\\n    --mount=type=cache,target=/root/.cache/go-build \\\n");
            if (i > 2 && i % 3 == 0) {
                b.append("    --mount=from=").append(names.get(i - 2)).append(",src=/build,target=/src \\\n");
            }
            b.append("        apt-get update && apt-get install -y --no-install-recommends libseccomp-dev \\\n");
            b.append("        && git clone https://github.com/example/").append(tools[i]).append(".git . \\\n");
            b.append("        && make BUILDTAGS=\"seccomp\" && mv bin/").append(tools[i]).append(" /build/\n");
            if (i > 1 && i % 2 == 0) {
                b.append("COPY --from=").append(names.get(i - 1)).append(" /build/ /usr/local/bin/\n");
            }
            b.append('\n');
        }
        b.append("FROM base").append(round).append(" AS dev").append(round).append('\n');
        b.append("ENV DOCKER_BUILDTAGS=\"apparmor seccomp\"\n");
        for (int i = 0; i < names.size(); i += 2) {
            b.append("COPY --link --from=").append(names.get(i)).append(" /build/ /usr/local/bin/\n");
        }
        b.append("WORKDIR /go/src/github.com/docker/docker\nVOLUME /var/lib/docker\nENTRYPOINT [\"hack/dind\"]\n");
        return b.toString();
    }
}
