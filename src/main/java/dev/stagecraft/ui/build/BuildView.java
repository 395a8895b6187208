package dev.stagecraft.ui.build;

import dev.stagecraft.engine.session.BuilderKind;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;

/**
 * The Build tab: Build/Cancel, builder and target on top, with the rarer options (context,
 * platform, tags, labels) in a bar that folds away (folded at first, so that in a small bottom
 * area the steps and the log get the space); then the stage progress, build args and history on
 * the left, the steps and the log (virtualised, multi-select, Ctrl+C copies) on the right. No
 * column is narrower than its header. Only wires controls to the {@link BuildViewModel}. FX thread
 * only.
 */
public final class BuildView extends BorderPane {
    private final BuildViewModel model;
    private final BuildOptionsModel options;
    private final ListView<String> log = new ListView<>();

    public BuildView(BuildViewModel model, Runnable build, ObservableBooleanValue engineUp) {
        this.model = model;
        this.options = model.options();
        getStyleClass().add("build-view");
        Label message = new Label();
        message.setId("build-message");
        message.getStyleClass().add("build-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        // no empty line of space while there is nothing to say
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        FlowPane optionsBar = optionsBar();
        setTop(new VBox(toolBar(build, engineUp, optionsBar), optionsBar, message));
        SplitPane left = new SplitPane(stageList(), argsTable(), historyTable());
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.4, 0.7);
        SplitPane right = new SplitPane(stepsTable(), logView());
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.45);
        SplitPane body = new SplitPane(left, right);
        body.setDividerPositions(0.28);
        SplitPane.setResizableWithParent(left, false);
        setCenter(body);
    }

    /**
     * The toolbar's Options toggle: shows or folds the options bar; folded, its tooltip and text
     * say what is set (so a build with tags or another context never surprises).
     */
    private javafx.scene.control.ToggleButton optionsToggle(FlowPane bar) {
        javafx.scene.control.ToggleButton toggle = new javafx.scene.control.ToggleButton();
        toggle.setId("build-options-toggle");
        bar.visibleProperty().bind(toggle.selectedProperty());
        bar.managedProperty().bind(toggle.selectedProperty());
        javafx.beans.binding.StringBinding set = Bindings.createStringBinding(this::optionsSummary,
                options.contextDirProperty(), options.platformProperty(), options.tagsProperty(),
                options.labelsProperty());
        toggle.textProperty().bind(Bindings.createStringBinding(() -> (toggle.isSelected() ? "Options \u25BE" : "Options \u25B8")
                + (toggle.isSelected() || set.get().isEmpty() ? "" : " (" + set.get() + ")"), toggle.selectedProperty(), set));
        toggle.setTooltip(new Tooltip("Context, platform, tags and labels"));
        toggle.setMaxWidth(360);
        toggle.setTextOverrun(OverrunStyle.ELLIPSIS);
        return toggle;
    }

    /** What is set among the folded options, shortly: "context, tags" or "". */
    private String optionsSummary() {
        java.util.List<String> set = new java.util.ArrayList<>();
        if (options.contextDirProperty().get() != null) {
            set.add("context");
        }
        if (!blank(options.platformProperty().get())) {
            set.add(options.platformProperty().get().strip());
        }
        if (!blank(options.tagsProperty().get())) {
            set.add("tags");
        }
        if (!blank(options.labelsProperty().get())) {
            set.add("labels");
        }
        return String.join(", ", set);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private ToolBar toolBar(Runnable build, ObservableBooleanValue engineUp, FlowPane optionsBar) {
        Button start = new Button("Build");
        start.setId("build-button");
        start.getStyleClass().add("accent");
        start.setOnAction(e -> build.run());
        start.disableProperty().bind(model.runningProperty().or(Bindings.not(engineUp)));
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-build-button");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());

        ChoiceBox<BuilderKind> builder = new ChoiceBox<>(FXCollections.observableArrayList(BuilderKind.values()));
        builder.setId("build-builder");
        builder.setConverter(new StringConverter<>() {
            @Override
            public String toString(BuilderKind k) {
                return k == null ? "" : k == BuilderKind.BUILDKIT ? "BuildKit" : "Classic";
            }

            @Override
            public BuilderKind fromString(String s) {
                return null;
            }
        });
        builder.valueProperty().bindBidirectional(options.builderProperty());

        ComboBox<String> target = new ComboBox<>(options.targets());
        target.setId("build-target");
        target.setPromptText("target");
        target.setValue(options.targetProperty().get());
        options.targetProperty().addListener((o, was, now) -> target.setValue(now));
        target.setOnAction(e -> {
            if (target.getValue() != null && !target.getValue().equals(options.targetProperty().get())) {
                options.chooseTarget(target.getValue());
            }
        });

        CheckBox noCache = new CheckBox("No cache");
        noCache.setId("build-no-cache");
        noCache.selectedProperty().bindBidirectional(options.noCacheProperty());
        CheckBox pull = new CheckBox("Pull");
        pull.setId("build-pull");
        pull.selectedProperty().bindBidirectional(options.pullProperty());

        ProgressBar progress = new ProgressBar();
        progress.setId("build-progress");
        progress.progressProperty().bind(model.progressProperty());
        ToolBar bar = new ToolBar(start, cancel, progress, new Label("Builder"), builder, new Label("Target"), target,
                noCache, pull, optionsToggle(optionsBar));
        bar.getStyleClass().add("build-toolbar");
        return bar;
    }

    /** The context folder (the Dockerfile's unless chosen) with what the last build sent, platform, tags, labels. */
    private FlowPane optionsBar() {
        Label context = new Label();
        context.setId("build-context");
        context.setMaxWidth(320);
        context.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        context.textProperty().bind(Bindings.createStringBinding(() -> options.contextDirProperty().get() == null
                ? "the Dockerfile's folder" : options.contextDirProperty().get().toString(), options.contextDirProperty()));
        Button choose = new Button("Choose\u2026");
        choose.setId("build-context-choose");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Build context");
            Path now = options.contextDirProperty().get();
            if (now != null && Files.isDirectory(now)) {
                chooser.setInitialDirectory(now.toFile());
            }
            File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (dir != null) {
                options.contextDirProperty().set(dir.toPath());
            }
        });
        Button reset = new Button("Default");
        reset.setId("build-context-default");
        reset.setTooltip(new Tooltip("Use the Dockerfile's folder"));
        reset.disableProperty().bind(options.contextDirProperty().isNull());
        reset.setOnAction(e -> options.contextDirProperty().set(null));
        Label sent = new Label();
        sent.setId("build-context-summary");
        sent.textProperty().bind(model.contextSummaryProperty());
        model.contextWarningProperty().addListener((o, was, now) ->
                sent.setTooltip(now == null ? null : new Tooltip(now)));
        TextField platform = field("build-platform", "linux/amd64", 100, options.platformProperty());
        TextField tags = field("build-tags", "app:latest app:1.2", 140, options.tagsProperty());
        TextField labels = field("build-labels", "key=value …", 140, options.labelsProperty());
        // a flow, not a tool bar: on a narrow window the fields wrap instead of hiding in an overflow menu
        FlowPane bar = new FlowPane(6, 4,
                group(new Label("Context"), context, choose, reset, sent), group(new Label("Platform"), platform),
                group(new Label("Tags"), tags), group(new Label("Labels"), labels));
        bar.getStyleClass().add("build-options");
        bar.disableProperty().bind(model.runningProperty());
        return bar;
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static TextField field(String id, String prompt, double width, StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private TableView<BuildArgRow> argsTable() {
        TableView<BuildArgRow> t = new TableView<>(options.args());
        t.setId("build-args");
        t.setEditable(true);
        t.setPlaceholder(new Label("No ARG in this Dockerfile"));
        TableColumn<BuildArgRow, String> name = new TableColumn<>("Build arg");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setEditable(false);
        TableColumn<BuildArgRow, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> c.getValue().valueProperty());
        value.setCellFactory(TextFieldTableCell.forTableColumn());
        t.getColumns().add(name);
        t.getColumns().add(value);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ColumnFit.headersFit(t);
        return t;
    }

    private ListView<StageStatus> stageList() {
        ListView<StageStatus> l = new ListView<>(model.stages());
        l.setId("build-stages");
        l.setPlaceholder(new Label("Press Build (Ctrl+B)"));
        l.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(StageStatus r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.describe());
            }
        });
        return l;
    }

    private TableView<StepStatus> stepsTable() {
        TableView<StepStatus> t = new TableView<>(model.steps());
        t.setId("build-steps");
        t.setPlaceholder(new Label("No steps yet"));
        t.getColumns().add(column("Stage", 110, r -> new ReadOnlyStringWrapper(r.stageName())));
        t.getColumns().add(column("Step", 60, r -> new ReadOnlyStringWrapper(r.step())));
        t.getColumns().add(column("State", 80, r -> new ReadOnlyStringWrapper(r.state().css())));
        t.getColumns().add(column("Time", 70, r -> new ReadOnlyStringWrapper(r.duration())));
        // the instruction last: it takes what the others leave
        t.getColumns().add(column("Instruction", 380, r -> new ReadOnlyStringWrapper(r.instruction())));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ColumnFit.headersFit(t);
        ColumnFit.toContent(t, 0, 1, 2, 3);
        return t;
    }

    private ListView<String> logView() {
        log.setItems(model.log());
        log.setId("build-log");
        log.getStyleClass().add("build-log");
        log.setPlaceholder(new Label("The build's output appears here"));
        log.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        KeyCombination copy = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        log.setOnKeyPressed(e -> {
            if (copy.match(e)) {
                copySelectedLog();
                e.consume();
            }
        });
        // follow the end while the build runs, unless the user selected something to read
        model.log().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (model.runningProperty().get() && log.getSelectionModel().isEmpty() && !model.log().isEmpty()) {
                log.scrollTo(model.log().size() - 1);
            }
        });
        VBox.setVgrow(log, Priority.ALWAYS);
        return log;
    }

    /** Copies the selected log lines, in log order, to the clipboard. */
    void copySelectedLog() {
        String text = log.getSelectionModel().getSelectedIndices().stream().sorted()
                .map(i -> model.log().get(i)).collect(Collectors.joining("\n"));
        if (!text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private TableView<BuildRecord> historyTable() {
        TableView<BuildRecord> t = new TableView<>(model.history());
        t.setId("build-history");
        t.setPlaceholder(new Label("No builds in this session"));
        t.getColumns().add(column("Time", 70, r -> new ReadOnlyStringWrapper(r.time().toString())));
        t.getColumns().add(column("Target", 80, r -> new ReadOnlyStringWrapper(r.target())));
        t.getColumns().add(column("Builder", 70, r -> new ReadOnlyStringWrapper(r.builder())));
        t.getColumns().add(column("Time taken", 70, r -> new ReadOnlyStringWrapper(r.duration())));
        t.getColumns().add(column("Result", 75, r -> new ReadOnlyStringWrapper(r.result())));
        t.getColumns().add(column("Final size", 80, r -> new ReadOnlyStringWrapper(r.finalSize())));
        ColumnFit.headersFit(t);
        ColumnFit.toContent(t, 0, 1, 2, 3, 4, 5);
        return t;
    }

    private static <R> TableColumn<R, String> column(String title, double width,
            java.util.function.Function<R, javafx.beans.value.ObservableValue<String>> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        return c;
    }

    public ListView<String> logList() {
        return log;
    }
}
