package dev.stagecraft.ui.window;

import dev.stagecraft.dockerfile.model.ExternalImage;
import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.dockerfile.model.StageEdge;
import dev.stagecraft.dockerfile.model.StageGraph;

/**
 * What the graph pane shows of a graph, as one string: stage names, bases, platforms, counts and
 * lines, edges with their labels and lines, external images, the target and the needed stages.
 * Most keystrokes (inside a RUN line, a comment) leave it unchanged, and then the pane is not
 * re-rendered. Pure; any thread.
 */
final class GraphSignature {
    private GraphSignature() {
    }

    static String of(StageGraph g) {
        StringBuilder sb = new StringBuilder(64 * (g.stages().size() + g.edges().size()));
        sb.append(g.target()).append('\n');
        for (Stage s : g.stages()) {
            sb.append(s.name()).append('|').append(s.base()).append('|').append(s.baseResolved()).append('|')
                    .append(s.baseStage()).append('|').append(s.platform()).append('|')
                    .append(s.instructionCount()).append('|').append(s.line()).append('-').append(s.endLine())
                    .append('|').append(g.isNeeded(s.index())).append('\n');
        }
        for (StageEdge e : g.edges()) {
            sb.append(e.from()).append('>').append(e.to()).append(' ').append(e.kind()).append(' ')
                    .append(e.label()).append(' ').append(e.line()).append('\n');
        }
        for (ExternalImage x : g.external()) {
            sb.append(x.image()).append('>').append(x.to()).append(' ').append(x.kind()).append(' ')
                    .append(x.label()).append(' ').append(x.line()).append('\n');
        }
        return sb.toString();
    }
}
