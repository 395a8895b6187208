package dev.stagecraft.ui.window;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.skin.ButtonSkin;
import javafx.scene.control.skin.CheckBoxSkin;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.control.skin.LabelSkin;
import javafx.scene.control.skin.ScrollBarSkin;
import javafx.scene.control.skin.SplitPaneSkin;
import javafx.scene.control.skin.TabPaneSkin;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.TextFieldSkin;
import javafx.scene.control.skin.ToggleButtonSkin;
import javafx.scene.control.skin.ToolBarSkin;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * The launch's second core: while the FX thread builds the window, this thread builds throwaway
 * copies of the controls the first frame shows (the text area, the Problems table, tabs, menus,
 * combo boxes, text fields) and their skins, which loads, links and initialises their classes and
 * links the lambda call sites in their constructors: most of a cold launch, done once per JVM,
 * whichever thread comes first. Nothing made here is ever attached to a scene, which JavaFX
 * allows off the FX thread. Started from {@link StagecraftApp#init} (the toolkit is up by then).
 * Daemon thread; a failure only means no head start, and is logged at debug level.
 */
final class WarmUp implements Runnable {
    private static final System.Logger LOG = System.getLogger(WarmUp.class.getName());

    private WarmUp() {
    }

    static void start() {
        Thread t = new Thread(new WarmUp(), "stagecraft-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * In the reverse of the order the FX thread needs them: it builds the text area first and makes
     * the skins in the first frame, so the skins are where a second thread gets ahead of it.
     */
    @Override
    public void run() {
        for (Throwable failure : warm()) {
            LOG.log(System.Logger.Level.DEBUG, "a warm-up step failed (no head start for it)", failure);
        }
    }

    /** Builds the throwaway controls on the calling thread (not the FX thread); returns what failed. */
    static List<Throwable> warm() {
        List<Throwable> failures = new java.util.ArrayList<>();
        try {
            controlsReady();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(e);
            return failures;
        }
        for (Runnable step : List.<Runnable>of(WarmUp::table, WarmUp::inputs, WarmUp::chrome, WarmUp::textArea)) {
            try {
                step.run();
            } catch (RuntimeException | LinkageError e) {
                failures.add(e);
            }
        }
        return failures;
    }

    /**
     * Has the FX thread initialise {@code Control} and {@code PopupControl} and waits: their static
     * blocks set the default user-agent stylesheet, at once on the FX thread but by a later
     * task queued for the FX thread from any other, which would then replace the theme the window set.
     */
    private static void controlsReady() throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        dev.stagecraft.ui.UiThread.later(() -> {
            try {
                ClassLoader loader = WarmUp.class.getClassLoader();
                Class.forName("javafx.scene.control.Control", true, loader);
                Class.forName("javafx.scene.control.PopupControl", true, loader);
            } catch (ClassNotFoundException impossible) {
                throw new IllegalStateException(impossible);
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    private static void textArea() {
        CodeArea area = new CodeArea("FROM scratch\n");
        area.setParagraphGraphicFactory(org.fxmisc.richtext.LineNumberFactory.get(area));
        new VirtualizedScrollPane<>(area);
    }

    private static void table() {
        TableView<String> table = new TableView<>(FXCollections.observableArrayList("x"));
        TableColumn<String, String> c = new TableColumn<>("x");
        table.getColumns().add(c);
        table.setSkin(new TableViewSkin<>(table));
        ScrollBar bar = new ScrollBar();
        bar.setSkin(new ScrollBarSkin(bar));
    }

    private static void inputs() {
        TextField field = new TextField();
        field.setSkin(new TextFieldSkin(field));
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList("x"));
        box.setSkin(new ComboBoxListViewSkin<>(box));
        new ListView<String>();
        ToggleButton toggle = new ToggleButton("x");
        toggle.setSkin(new ToggleButtonSkin(toggle));
        CheckBox check = new CheckBox("x");
        check.setSkin(new CheckBoxSkin(check));
        Button button = new Button("x");
        button.setSkin(new ButtonSkin(button));
        Label label = new Label("x");
        label.setSkin(new LabelSkin(label));
    }

    private static void chrome() {
        TabPane tabs = new TabPane(new Tab("x"));
        tabs.setSkin(new TabPaneSkin(tabs));
        SplitPane split = new SplitPane(new Label("a"), new Label("b"));
        split.setSkin(new SplitPaneSkin(split));
        ToolBar bar = new ToolBar(new Button("x"));
        bar.setSkin(new ToolBarSkin(bar));
        new MenuBar(new Menu("x", null, new MenuItem("y"))); // its skin asks the FX thread about a system menu
    }
}
