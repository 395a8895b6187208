package dev.stagecraft.app;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.project.Template;

/**
 * Loads the classes the window needs on a background thread while the JavaFX toolkit starts on
 * the main thread, so the two overlap (2 cores are common; class loading from the shaded jar is
 * a large part of the launch). Only loads and links classes, and runs pure non-UI code: no
 * JavaFX class is initialised here. Daemon thread; failures are ignored.
 */
public final class Preload implements Runnable {
    /** The FX thread's classes at launch, in the order it loads them (made by scripts/preload-classes.sh). */
    private static final String LIST = "preload-classes.txt";

    /** Starts the preload thread (the launcher does, before the toolkit; so does the UI bench). */
    public static void start() {
        Thread t = new Thread(new Preload(), "stagecraft-preload");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        ClassLoader loader = Preload.class.getClassLoader();
        try {
            // what the window builds first (controls, the editor, the theme), before the FX thread asks
            loadListed(loader);
            StageGraph.parse(Template.GO.text()).tree().tokens();
            // pure Java, no JavaFX: its static block registers ELK's layout options (slow, once)
            Class.forName("dev.stagecraft.ui.graph.layout.StageLayout", true, loader);
            // one small layout loads and links ELK's layered algorithm before the window's first one
            dev.stagecraft.ui.graph.layout.StageLayout.layout(
                    java.util.List.of(new dev.stagecraft.ui.graph.layout.StageLayout.Box("a", 180, 70),
                            new dev.stagecraft.ui.graph.layout.StageLayout.Box("b", 180, 70)),
                    java.util.List.of(new dev.stagecraft.ui.graph.layout.StageLayout.Link("a", "b", 40, 16)));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // only a head start: whatever fails here loads normally later
        }
    }

    /**
     * Loads (without initialising: no JavaFX static setup runs here) each class of {@link #LIST};
     * not with {@code -Dstagecraft.preload.list=false}, which the script making the list sets (else
     * the FX thread would find the listed classes loaded and the new list would hold only the rest).
     */
    private static void loadListed(ClassLoader loader) {
        java.io.InputStream in = "false".equals(System.getProperty("stagecraft.preload.list")) ? null
                : Preload.class.getResourceAsStream(LIST);
        if (in == null) {
            return;
        }
        try (java.io.BufferedReader r = new java.io.BufferedReader(
                new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
            String name;
            while ((name = r.readLine()) != null) {
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try {
                    Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError stale) {
                    // renamed or gone since the list was made: the FX thread loads what it needs
                }
            }
        } catch (java.io.IOException e) {
            // a head start only
        }
    }
}
