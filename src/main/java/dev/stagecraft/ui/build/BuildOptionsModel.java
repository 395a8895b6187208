package dev.stagecraft.ui.build;

import dev.stagecraft.dockerfile.model.ArgDeclaration;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.project.BuildSettings;
import dev.stagecraft.engine.session.BuildOptions;
import dev.stagecraft.engine.session.BuilderKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Build tab's options form for one document: builder, target (the file's own unless the user
 * chose one), the Dockerfile's ARGs with their defaults, no-cache, pull, the context folder,
 * platform, tags and labels; and the {@link BuildOptions} they make. FX thread only; testable
 * without a display.
 */
public final class BuildOptionsModel {
    private final ObjectProperty<BuilderKind> builder = new SimpleObjectProperty<>(this, "builder", BuilderKind.BUILDKIT);
    private final StringProperty target = new SimpleStringProperty(this, "target");
    private final ObservableList<String> targets = FXCollections.observableArrayList();
    private final ObservableList<BuildArgRow> args =
            FXCollections.observableArrayList(row -> new Observable[] {row.valueProperty()});
    private final BooleanProperty noCache = new SimpleBooleanProperty(this, "noCache");
    private final BooleanProperty pull = new SimpleBooleanProperty(this, "pull");
    /** The build context folder the user chose; null: the Dockerfile's folder. */
    private final ObjectProperty<Path> contextDir = new SimpleObjectProperty<>(this, "contextDir");
    private final StringProperty platform = new SimpleStringProperty(this, "platform", "");
    /** Image tags, separated by spaces or commas. */
    private final StringProperty tags = new SimpleStringProperty(this, "tags", "");
    /** Labels as {@code key=value}, separated by spaces or commas ({@code key} alone: an empty value). */
    private final StringProperty labels = new SimpleStringProperty(this, "labels", "");
    private boolean targetChosen;
    private String graphTarget;
    /** Values remembered for ARGs the text does not declare yet (restored state), by name. */
    private Map<String, String> pendingArgs = Map.of();

    /** Follows the document: target choices, the graph's target unless the user chose one, its ARGs with defaults. */
    public void setGraph(StageGraph graph) {
        if (graph == null) {
            return;
        }
        List<String> refs = graph.stages().stream().map(Stage::reference).toList();
        if (!refs.equals(targets)) {
            String keep = target.get();
            targets.setAll(refs);
            target.set(keep);
        }
        graphTarget = graph.target() >= 0 ? graph.stages().get(graph.target()).reference() : null;
        if (!targetChosen || !refs.contains(target.get())) {
            targetChosen = false;
            target.set(graphTarget);
        }
        Map<String, BuildArgRow> old = new LinkedHashMap<>();
        args.forEach(a -> old.put(a.name(), a));
        List<BuildArgRow> rows = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (ArgDeclaration a : graph.args()) {
            if (seen.containsKey(a.name())) {
                continue;
            }
            seen.put(a.name(), a.defaultValue());
            BuildArgRow was = old.get(a.name());
            // an edited value survives typing elsewhere; a changed default in the text resets it
            BuildArgRow row = was != null && Objects.equals(was.defaultValue(), a.defaultValue())
                    ? was : new BuildArgRow(a.name(), a.defaultValue());
            if (was == null && pendingArgs.containsKey(a.name())) {
                row.valueProperty().set(pendingArgs.get(a.name()));
            }
            rows.add(row);
        }
        if (!rows.equals(new ArrayList<>(args))) {
            args.setAll(rows);
        }
    }

    /** The user picked a target in the options; it sticks until it no longer exists. */
    public void chooseTarget(String reference) {
        targetChosen = reference != null && !reference.equals(graphTarget);
        target.set(reference);
    }

    /** Whether the target was chosen here rather than followed from the file. */
    public boolean targetChosen() {
        return targetChosen;
    }

    /**
     * The options for building {@code text} as {@code dockerfile} (which need not exist yet) from the
     * chosen context folder, else {@code defaultContext}.
     */
    public BuildOptions options(Path defaultContext, Path dockerfile, String text) {
        Path context = contextDir.get() != null ? contextDir.get() : defaultContext;
        String p = platform.get() == null ? "" : platform.get().strip();
        return new BuildOptions(context, dockerfile, text, target.get(), changedArgs(), builder.get(), noCache.get(),
                pull.get(), p.isEmpty() ? null : p, words(tags.get()), labels(labels.get()));
    }

    /** The build args to send: values that differ from the Dockerfile's defaults, and set ARGs without one. */
    public Map<String, String> changedArgs() {
        Map<String, String> buildArgs = new LinkedHashMap<>();
        for (BuildArgRow a : args) {
            if (a.changed() || a.defaultValue() == null && !a.valueProperty().get().isEmpty()) {
                buildArgs.put(a.name(), a.valueProperty().get());
            }
        }
        return buildArgs;
    }

    /**
     * Restores the options remembered for a document: values for ARGs the file declares now or
     * later, the builder, no-cache, pull, context, platform, tags and labels.
     */
    public void restore(BuildSettings b) {
        builder.set(BuildSettings.CLASSIC.equals(b.builder()) ? BuilderKind.CLASSIC : BuilderKind.BUILDKIT);
        pendingArgs = Map.copyOf(b.buildArgs());
        for (BuildArgRow a : args) {
            if (pendingArgs.containsKey(a.name())) {
                a.valueProperty().set(pendingArgs.get(a.name()));
            }
        }
        noCache.set(b.noCache());
        pull.set(b.pull());
        contextDir.set(b.contextDir() == null ? null : Path.of(b.contextDir()));
        platform.set(b.platform() == null ? "" : b.platform());
        tags.set(String.join(" ", b.tags()));
        StringBuilder text = new StringBuilder();
        b.labels().forEach((k, v) -> text.append(text.length() == 0 ? "" : " ").append(k)
                .append(v.isEmpty() ? "" : "=" + v));
        labels.set(text.toString());
    }

    /** The options as they are remembered for the document (the target is the document's own). */
    public BuildSettings settings() {
        String p = platform.get() == null ? "" : platform.get().strip();
        return new BuildSettings(builder.get() == BuilderKind.CLASSIC ? BuildSettings.CLASSIC : BuildSettings.BUILDKIT,
                changedArgs(), noCache.get(), pull.get(), p.isEmpty() ? null : p, words(tags.get()),
                labels(labels.get()), contextDir.get() == null ? null : contextDir.get().toString());
    }

    static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.strip().split("[\\s,]+"));
    }

    /** {@code a=1 b=two,c} -> {a=1, b=two, c=""}, in order. */
    static Map<String, String> labels(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String w : words(s)) {
            int eq = w.indexOf('=');
            out.put(eq < 0 ? w : w.substring(0, eq), eq < 0 ? "" : w.substring(eq + 1));
        }
        return out;
    }

    /** Every property a user can change here, for listeners that remember the options. */
    public Observable[] observables() {
        return new Observable[] {builder, target, args, noCache, pull, contextDir, platform, tags, labels};
    }

    public ObjectProperty<BuilderKind> builderProperty() {
        return builder;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public ObservableList<String> targets() {
        return targets;
    }

    public ObservableList<BuildArgRow> args() {
        return args;
    }

    public ObjectProperty<Path> contextDirProperty() {
        return contextDir;
    }

    public StringProperty platformProperty() {
        return platform;
    }

    public StringProperty tagsProperty() {
        return tags;
    }

    public StringProperty labelsProperty() {
        return labels;
    }

    public BooleanProperty noCacheProperty() {
        return noCache;
    }

    public BooleanProperty pullProperty() {
        return pull;
    }
}
