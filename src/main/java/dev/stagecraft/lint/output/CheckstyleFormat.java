package dev.stagecraft.lint.output;

import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.LintedFile;
import java.util.List;

/** Checkstyle XML, as hadolint writes it: one {@code <file>} per input, one {@code <error>} per finding. Stateless. */
public final class CheckstyleFormat {
    private CheckstyleFormat() {
    }

    public static String render(List<LintedFile> files) {
        StringBuilder sb = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n<checkstyle version='4.3'>\n");
        for (LintedFile f : files) {
            sb.append("  <file name='").append(xml(f.path())).append("'>\n");
            for (Finding x : f.findings()) {
                sb.append("    <error line='").append(x.line()).append("' column='").append(x.column())
                        .append("' severity='").append(x.severity().label()).append("' message='")
                        .append(xml(x.message())).append("' source='").append(xml(x.rule().id())).append("'/>\n");
            }
            sb.append("  </file>\n");
        }
        return sb.append("</checkstyle>\n").toString();
    }

    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\'' -> sb.append("&apos;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        sb.append("&#").append((int) c).append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
