package dev.stagecraft.lint.output;

import dev.stagecraft.lint.Finding;
import dev.stagecraft.lint.LintedFile;
import java.util.List;

/**
 * hadolint's tty format, one finding a line: {@code FILE:LINE RULE severity: message}, with the
 * stage after the rule; coloured by severity when writing to a terminal. Stateless.
 */
public final class TtyFormat {
    private TtyFormat() {
    }

    public static String render(List<LintedFile> files, boolean colour) {
        StringBuilder sb = new StringBuilder();
        for (LintedFile f : files) {
            for (Finding x : f.findings()) {
                String sev = x.severity().label();
                if (colour) {
                    String code = switch (x.severity()) {
                        case ERROR -> "31";
                        case WARNING -> "33";
                        case INFO -> "32";
                        case STYLE -> "36";
                    };
                    sev = "\u001b[" + code + "m" + sev + "\u001b[0m";
                }
                sb.append(f.path()).append(':').append(x.line()).append(' ').append(x.rule().id()).append(' ')
                        .append(sev).append(": ").append(x.message());
                if (x.stage() != null) {
                    sb.append(" [stage ").append(x.stage()).append(']');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
