package dev.stagecraft.report;

import dev.stagecraft.engine.ByteSize;
import java.util.Locale;

/** The size report as a table for people: stages, the copies between them, and the headline. */
public final class SizeReportText {
    private SizeReportText() {
    }

    public static String render(SizeReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-28s %-20s %10s%n", "STAGE", "IMAGE", "SIZE"));
        for (StageSize s : r.stages()) {
            String id = s.image() == null ? "-" : s.image().replace("sha256:", "");
            sb.append(String.format(Locale.ROOT, "%-28s %-20s %10s%s%n", s.displayName(),
                    id.substring(0, Math.min(12, id.length())), ByteSize.format(s.size()),
                    s.index() == r.finalStage() ? "  (final)" : ""));
        }
        if (!r.copies().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%nCOPY --from%n"));
            for (CopySize c : r.copies()) {
                String from = r.stage(c.from()).map(StageSize::displayName).orElse("#" + c.from());
                String to = r.stage(c.to()).map(StageSize::displayName).orElse("#" + c.to());
                sb.append(String.format(Locale.ROOT, "  line %-5d %s -> %s  %s%n", c.line(), from, to,
                        ByteSize.format(c.bytes())));
            }
        }
        sb.append(String.format(Locale.ROOT, "%n%s (%s, %.1f s)%n", r.headline(), r.builder(), r.seconds()));
        return sb.toString();
    }
}
