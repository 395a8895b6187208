package dev.stagecraft.report;

import dev.stagecraft.dockerfile.model.Stage;
import dev.stagecraft.engine.HistoryEntry;
import dev.stagecraft.dockerfile.syntax.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps the history of a stage's image back to the Dockerfile: the entries after those of its base
 * are the stage's own, in instruction order, each named by its keyword. BuildKit writes
 * {@code RUN /bin/sh -c make # buildkit}, the classic builder {@code /bin/sh -c #(nop) COPY ...} or
 * {@code /bin/sh -c make}. Pure function; thread-safe.
 */
public final class LayerAttribution {
    private static final Set<String> KEYWORDS = Set.of("RUN", "COPY", "ADD", "WORKDIR", "ENV", "LABEL", "EXPOSE",
            "USER", "CMD", "ENTRYPOINT", "VOLUME", "ARG", "SHELL", "STOPSIGNAL", "HEALTHCHECK", "ONBUILD",
            "MAINTAINER");

    private LayerAttribution() {
    }

    /**
     * @param history     the stage image's history, oldest first
     * @param baseEntries how many of those come from its base image (0 for scratch)
     */
    public static List<LayerSize> attribute(Stage stage, List<HistoryEntry> history, int baseEntries) {
        List<Instruction> own = stage.instructions().subList(1, stage.instructions().size());
        List<LayerSize> out = new ArrayList<>(history.size());
        int next = 0;
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry h = history.get(i);
            Integer line = null;
            if (i >= baseEntries) {
                String keyword = keyword(h.createdBy());
                for (int k = next; k < own.size(); k++) {
                    if (own.get(k).keyword().equals(keyword)) {
                        line = own.get(k).line();
                        next = k + 1;
                        break;
                    }
                }
            }
            out.add(new LayerSize(h.size(), h.createdBy(), line));
        }
        return out;
    }

    /**
     * The instruction keyword a history entry was made by: BuildKit's "RUN …", the classic
     * builder's "#(nop) COPY …", or a bare shell command (a classic RUN).
     */
    public static String keyword(String createdBy) {
        String s = createdBy == null ? "" : createdBy.strip();
        int nop = s.indexOf("#(nop)");
        if (nop >= 0) {
            return firstWord(s.substring(nop + 6));
        }
        String first = firstWord(s);
        if (KEYWORDS.contains(first)) {
            return first;
        }
        return "RUN"; // classic builder: "/bin/sh -c make" or "|1 A=b /bin/sh -c make"
    }

    private static String firstWord(String s) {
        String t = s.strip();
        int sp = 0;
        while (sp < t.length() && !Character.isWhitespace(t.charAt(sp))) {
            sp++;
        }
        return t.substring(0, sp).toUpperCase(Locale.ROOT);
    }
}
