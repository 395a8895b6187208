package dev.stagecraft.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Stagecraft keeps about one Dockerfile that is not its text: node positions (key: stage
 * name, else {@code #index}), the graph's viewport (null: fit to the pane), the selected stage
 * key, the target the user chose (null: the file's last stage), the build options and the sizes
 * of past builds (newest first, at most {@link #HISTORY_LIMIT}). Stored by {@link StateStore};
 * fields a later version adds are kept when this version writes the file back. Immutable: change
 * it with the {@code with...} methods; any thread.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentState(Map<String, NodePosition> positions, Viewport viewport, String selected, String target,
                            BuildSettings build, List<BuildSizes> sizeHistory) {

    /** How many past builds' sizes are kept. */
    public static final int HISTORY_LIMIT = 20;

    private static final DocumentState EMPTY = new DocumentState(null, null, null, null, null, null);

    public DocumentState {
        positions = BuildSettings.ordered(positions);
        build = build == null ? BuildSettings.DEFAULT : build;
        sizeHistory = sizeHistory == null ? List.of()
                : sizeHistory.stream().filter(Objects::nonNull).limit(HISTORY_LIMIT).toList();
    }

    /** Nothing known: laid out afresh, fit to the pane, default build options, no history. */
    public static DocumentState empty() {
        return EMPTY;
    }

    public DocumentState withPositions(Map<String, NodePosition> p) {
        return new DocumentState(p, viewport, selected, target, build, sizeHistory);
    }

    /** Positions forgotten (View ▸ Reset Layout): the graph is laid out afresh. */
    public DocumentState withoutPositions() {
        return withPositions(Map.of());
    }

    public DocumentState withViewport(Viewport v) {
        return new DocumentState(positions, v, selected, target, build, sizeHistory);
    }

    public DocumentState withSelected(String stageKey) {
        return new DocumentState(positions, viewport, stageKey, target, build, sizeHistory);
    }

    public DocumentState withTarget(String stageKey) {
        return new DocumentState(positions, viewport, selected, stageKey, build, sizeHistory);
    }

    public DocumentState withBuild(BuildSettings b) {
        return new DocumentState(positions, viewport, selected, target, b, sizeHistory);
    }

    /** {@code sizes} becomes the newest entry of the history; the oldest beyond the limit go. */
    public DocumentState withSizes(BuildSizes sizes) {
        List<BuildSizes> h = new ArrayList<>(sizeHistory.size() + 1);
        h.add(Objects.requireNonNull(sizes, "sizes"));
        h.addAll(sizeHistory);
        return new DocumentState(positions, viewport, selected, target, build, h);
    }

    /** A stage was renamed: its position, the selection and the target follow the new key. */
    public DocumentState withStageRenamed(String oldKey, String newKey) {
        Map<String, NodePosition> p = new LinkedHashMap<>();
        positions.forEach((k, v) -> p.put(k.equals(oldKey) ? newKey : k, v));
        return new DocumentState(Collections.unmodifiableMap(p), viewport,
                oldKey.equals(selected) ? newKey : selected,
                target != null && target.equalsIgnoreCase(oldKey) ? newKey : target, build, sizeHistory);
    }

    /** The newest build's sizes, if any build was measured. */
    @JsonIgnore
    public Optional<BuildSizes> lastBuild() {
        return sizeHistory.isEmpty() ? Optional.empty() : Optional.of(sizeHistory.get(0));
    }
}
