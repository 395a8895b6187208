package dev.stagecraft.cli;

import dev.stagecraft.engine.build.BuildEvent;
import dev.stagecraft.engine.build.BuildListener;
import dev.stagecraft.engine.ByteSize;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Build progress on stderr: on a terminal one bar that redraws in place, otherwise one plain
 * line per step state (for logs and CI). Called on the builder's thread; synchronized.
 */
final class BuildProgress implements BuildListener {
    private static final int BAR = 28;
    private final PrintStream err;
    private final boolean terminal;
    private final Map<String, Integer> totals = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    private String lastLine = "";

    BuildProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void accept(BuildEvent event) {
        if (event instanceof BuildEvent.StepEvent step) {
            String stage = step.stage() == null ? "" : step.stage();
            if (step.total() > 0) {
                totals.merge(stage, step.total(), Math::max);
            }
            String position = step.step() > 0 ? step.step() + (step.total() > 0 ? "/" + step.total() : "") : "";
            String prefix = (stage + " " + position).strip();
            String label = (prefix.isEmpty() ? "" : "[" + prefix + "] ") + step.instruction();
            String state;
            if (event instanceof BuildEvent.StepStarted) {
                state = "…";
            } else if (event instanceof BuildEvent.StepCached) {
                state = "CACHED";
                finished.add(stage + "/" + step.step());
            } else if (event instanceof BuildEvent.StepCompleted c) {
                state = String.format(Locale.ROOT, "done %.1fs", c.duration().toMillis() / 1000.0);
                finished.add(stage + "/" + step.step());
            } else {
                state = "FAILED";
                finished.add(stage + "/" + step.step());
            }
            show(label, state);
        } else if (event instanceof BuildEvent.Log log && !terminal) {
            log.text().lines().forEach(l -> err.println("    " + l));
        } else if (event instanceof BuildEvent.Warning w) {
            line("warning: " + w.text());
        } else if (event instanceof BuildEvent.Context c) {
            line(contextLine(c));
            if (c.warning() != null) {
                line("warning: " + c.warning());
            }
        }
    }

    /** "context /src/app: 12 files, 3.4 MB". */
    static String contextLine(BuildEvent.Context c) {
        return "context " + c.directory() + ": " + ByteSize.files(c.files(), c.bytes());
    }

    private void show(String label, String state) {
        if (!terminal) {
            err.println(label + " " + state);
            return;
        }
        int total = Math.max(totals.values().stream().mapToInt(Integer::intValue).sum(), finished.size());
        int done = finished.size();
        int filled = total == 0 ? 0 : BAR * done / total;
        String text = String.format(Locale.ROOT, "\r[%s%s] %d/%d %s", "=".repeat(filled), " ".repeat(BAR - filled),
                done, total, label.length() > 60 ? label.substring(0, 59) + "…" : label);
        err.print(text + " ".repeat(Math.max(0, lastLine.length() - text.length())));
        lastLine = text;
        err.flush();
    }

    private void line(String text) {
        if (terminal && !lastLine.isEmpty()) {
            err.print("\r" + " ".repeat(lastLine.length()) + "\r");
            lastLine = "";
        }
        err.println(text);
    }

    /** Ends the bar's line so what follows starts on its own. */
    synchronized void close() {
        if (terminal && !lastLine.isEmpty()) {
            err.println();
            lastLine = "";
        }
    }
}
