package dev.stagecraft.diagram;

import dev.stagecraft.dockerfile.model.EdgeKind;
import dev.stagecraft.dockerfile.model.ExternalImage;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageEdge;
import dev.stagecraft.dockerfile.model.StageGraph;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The stage graph as Graphviz DOT and as a Mermaid flowchart, for the command line ({@code graph
 * --format dot|mermaid}) and the window (Copy as Mermaid, of the stages the graph shows). Pure;
 * any thread.
 */
public final class GraphDiagrams {
    private static final int LABEL_MAX = 32;

    private GraphDiagrams() {
    }

    /** External images get one node each, whatever number of stages use them. */
    private static Map<String, String> externalIds(StageGraph g, IntPredicate shown, boolean images) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (ExternalImage x : g.external()) {
            if (images && shown.test(x.to())) {
                ids.computeIfAbsent(x.image(), k -> "x" + ids.size());
            }
        }
        return ids;
    }

    private static Map<String, String> externalIds(StageGraph g) {
        return externalIds(g, i -> true, true);
    }

    /** The whole graph as Graphviz DOT. */
    public static String dot(StageGraph g) {
        StringBuilder sb = new StringBuilder("digraph stages {\n  rankdir=LR;\n");
        sb.append("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
        sb.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        for (Stage s : g.stages()) {
            StringBuilder label = new StringBuilder(s.displayName()).append("\\n").append(dotEscape(s.baseResolved()));
            if (s.platform() != null) {
                label.append("\\n").append(dotEscape(s.platform()));
            }
            label.append("\\n").append(s.instructionCount()).append(s.instructionCount() == 1 ? " instruction" : " instructions");
            String style;
            if (s.index() == g.target()) {
                style = ", style=\"rounded,bold\", penwidth=3, xlabel=\"final image\"";
            } else if (!g.isNeeded(s.index())) {
                style = ", color=grey, fontcolor=grey";
            } else {
                style = "";
            }
            sb.append("  s").append(s.index()).append(" [label=\"").append(label)
                    .append("\"").append(style).append("];\n");
        }
        Map<String, String> ext = externalIds(g);
        ext.forEach((image, id) -> sb.append("  ").append(id).append(" [label=\"").append(dotEscape(image))
                .append("\", style=dashed, fontsize=10];\n"));
        for (StageEdge e : g.edges()) {
            sb.append("  s").append(e.from()).append(" -> s").append(e.to()).append(dotEdge(e.kind(), e.label()));
        }
        for (ExternalImage x : g.external()) {
            sb.append("  ").append(ext.get(x.image())).append(" -> s").append(x.to()).append(dotEdge(x.kind(), x.label()));
        }
        return sb.append("}\n").toString();
    }

    private static String dotEdge(EdgeKind kind, String label) {
        return switch (kind) {
            case BASE -> " [style=solid];\n";
            case COPY -> " [style=dashed, label=\"" + dotEscape(shorten(label)) + "\"];\n";
            case MOUNT -> " [style=dotted, label=\"" + dotEscape(shorten(label == null ? "mount" : "mount " + label)) + "\"];\n";
        };
    }

    /** The whole graph as a Mermaid flowchart. */
    public static String mermaid(StageGraph g) {
        return mermaid(g, i -> true, true);
    }

    /**
     * The stages {@code shown} accepts and the edges among them as a Mermaid flowchart; external
     * images as nodes when {@code images}, else left out (collapsed into their users).
     */
    public static String mermaid(StageGraph g, IntPredicate shown, boolean images) {
        StringBuilder sb = new StringBuilder("flowchart LR\n");
        for (Stage s : g.stages()) {
            if (shown.test(s.index())) {
                sb.append("  s").append(s.index()).append("[\"").append(mermaidEscape(s.displayName()))
                        .append("<br/><small>").append(mermaidEscape(s.baseResolved())).append("</small>")
                        .append(s.index() == g.target() ? "<br/><b>final image</b>" : "").append("\"]\n");
            }
        }
        Map<String, String> ext = externalIds(g, shown, images);
        ext.forEach((image, id) -> sb.append("  ").append(id).append("([\"").append(mermaidEscape(image)).append("\"])\n"));
        StringBuilder styles = new StringBuilder();
        int link = 0;
        for (StageEdge e : g.edges()) {
            if (shown.test(e.from()) && shown.test(e.to())) {
                sb.append("  s").append(e.from()).append(mermaidEdge(e.kind(), e.label())).append("s").append(e.to()).append('\n');
                linkStyle(styles, link++, e.kind());
            }
        }
        for (ExternalImage x : g.external()) {
            if (ext.containsKey(x.image()) && shown.test(x.to())) {
                sb.append("  ").append(ext.get(x.image())).append(mermaidEdge(x.kind(), x.label())).append("s").append(x.to()).append('\n');
                linkStyle(styles, link++, x.kind());
            }
        }
        sb.append(styles);
        sb.append("  classDef target stroke-width:3px;\n  classDef unused opacity:0.45;\n  classDef external stroke-dasharray:4 3;\n");
        if (g.target() >= 0 && shown.test(g.target())) {
            sb.append("  class s").append(g.target()).append(" target;\n");
        }
        for (Stage s : g.stages()) {
            if (shown.test(s.index()) && !g.isNeeded(s.index())) {
                sb.append("  class s").append(s.index()).append(" unused;\n");
            }
        }
        if (!ext.isEmpty()) {
            sb.append("  class ").append(String.join(",", ext.values())).append(" external;\n");
        }
        return sb.toString();
    }

    /** Mermaid draws every dotted link alike: dash patterns tell COPY (dashed) from mounts (dotted). */
    private static void linkStyle(StringBuilder sb, int index, EdgeKind kind) {
        if (kind != EdgeKind.BASE) {
            sb.append("  linkStyle ").append(index).append(" stroke-dasharray:")
                    .append(kind == EdgeKind.COPY ? "6 4" : "2 3").append(";\n");
        }
    }

    private static String mermaidEdge(EdgeKind kind, String label) {
        return switch (kind) {
            case BASE -> " --> ";
            case COPY -> " -. \"" + mermaidEscape(shorten(label)) + "\" .-> ";
            case MOUNT -> " -. \"" + mermaidEscape(shorten(label == null ? "mount" : "mount " + label)) + "\" .-> ";
        };
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= LABEL_MAX ? s : s.substring(0, LABEL_MAX - 1) + "…";
    }

    private static String dotEscape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String mermaidEscape(String s) {
        return s == null ? "" : s.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
