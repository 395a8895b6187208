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
    private static final String[] CLASSES = {
        "org.fxmisc.richtext.CodeArea",
        "org.fxmisc.richtext.GenericStyledArea",
        "dev.stagecraft.ui.editor.LineNumbers",
        "org.fxmisc.richtext.model.StyleSpansBuilder",
        "org.fxmisc.flowless.VirtualizedScrollPane",
        "org.fxmisc.flowless.VirtualFlow",
        "org.fxmisc.wellbehaved.event.Nodes",
        "org.reactfx.EventStreams",
        "atlantafx.base.theme.PrimerLight",
        "javafx.scene.control.SplitPane",
        "javafx.scene.control.TabPane",
        "javafx.scene.control.TableView",
        "javafx.scene.control.ListView",
        "javafx.scene.control.MenuBar",
        "javafx.scene.control.ToolBar",
        "javafx.scene.control.skin.TableViewSkin",
        "javafx.scene.control.skin.SplitPaneSkin",
        "javafx.scene.control.skin.TabPaneSkin",
        "javafx.scene.control.skin.MenuBarSkin",
        "dev.stagecraft.ui.window.MainWindow",
        "dev.stagecraft.ui.window.MainMenu",
        "dev.stagecraft.ui.editor.DockerfileEditor",
        "dev.stagecraft.ui.graph.GraphView",
        "dev.stagecraft.ui.graph.StageNodeView",
        "dev.stagecraft.ui.graph.EdgeView",
        "org.eclipse.elk.alg.layered.ElkLayered",
        "org.eclipse.elk.core.RecursiveGraphLayoutEngine",
    };

    /** Starts the preload thread (the launcher does, before the toolkit; so does the UI bench). */
    public static void start() {
        Thread t = new Thread(new Preload(), "stagecraft-preload");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        try {
            StageGraph.parse(Template.GO.text()).tree().tokens();
            ClassLoader loader = Preload.class.getClassLoader();
            // pure Java, no JavaFX: its static block registers ELK's layout options (slow, once)
            Class.forName("dev.stagecraft.ui.graph.layout.StageLayout", true, loader);
            // one small layout loads and links ELK's layered algorithm before the window's first one
            // (about 50 ms less to the window shown, median of 5 alternated launches)
            dev.stagecraft.ui.graph.layout.StageLayout.layout(
                    java.util.List.of(new dev.stagecraft.ui.graph.layout.StageLayout.Box("a", 180, 70),
                            new dev.stagecraft.ui.graph.layout.StageLayout.Box("b", 180, 70)),
                    java.util.List.of(new dev.stagecraft.ui.graph.layout.StageLayout.Link("a", "b", 40, 16)));
            for (String name : CLASSES) {
                Class.forName(name, false, loader);
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // only a head start: whatever fails here loads normally later
        }
    }
}
