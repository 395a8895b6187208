package dev.stagecraft.project;

import java.nio.file.Path;
import java.util.Map;

/**
 * A child JVM that changes state, settings, recent files and two unsaved buffers the way the
 * window does, prints its recovery session folder and "ready", then waits to be killed. It never
 * flushes nor closes anything: what reaches the disk got there on the writer threads.
 * Args: state folder, config folder, Dockerfile.
 */
public final class StateChild {
    private StateChild() {
    }

    public static void main(String[] args) throws Exception {
        StateDirectory dir = new StateDirectory(Path.of(args[0]));
        Path dockerfile = Path.of(args[2]);
        StateStore store = new StateStore(dir);
        store.update(dockerfile, store.load(dockerfile).state()
                .withPositions(Map.of("builder", new NodePosition(12, 34)))
                .withViewport(new Viewport(2, 5, 6)));
        store.updateRecent(store.recent().with(dockerfile));
        SettingsStore settings = new SettingsStore(Path.of(args[1]));
        Settings s = settings.load();
        s.windowWidth = 777;
        settings.update(s);
        Recovery recovery = new Recovery(dir);
        DockerfileText read = DockerfileText.read(dockerfile);
        recovery.changed("doc-1", dockerfile, read.version(), read.editorText() + "RUN typed before the crash\n");
        recovery.changed("untitled-1", null, null, "FROM scratch\n");
        System.out.println("session " + recovery.session());
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
