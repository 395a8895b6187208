package dev.stagecraft.engine.build;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A BuildKit vertex name taken apart: {@code [builder 2/5] RUN make} is stage {@code builder},
 * step 2 of 5, instruction {@code RUN make}. A single-stage file has no stage name
 * ({@code [3/4] RUN x}); BuildKit's own work is {@code [internal] load build definition} (stage
 * {@code internal}, step 0); a name without brackets ({@code exporting to image}) has neither.
 * A pure value; {@link #parse} is a pure function.
 */
public record VertexName(String stage, int step, int total, String instruction) {
    private static final Pattern BRACKETED = Pattern.compile("\\A\\[([^\\]]*)\\]\\s*(.*)\\z", Pattern.DOTALL);
    private static final Pattern STEP = Pattern.compile("(\\d+)/(\\d+)");

    /** True for a Dockerfile instruction (step 1 and up), false for BuildKit's own work. */
    public boolean isInstruction() {
        return step > 0;
    }

    public static VertexName parse(String name) {
        String n = name == null ? "" : name.strip();
        Matcher m = BRACKETED.matcher(n);
        if (!m.matches()) {
            return new VertexName(null, 0, 0, n);
        }
        String instruction = m.group(2);
        List<String> words = Arrays.stream(m.group(1).trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return new VertexName(null, 0, 0, instruction);
        }
        Matcher s = STEP.matcher(words.get(words.size() - 1));
        if (!s.matches()) {
            return new VertexName(String.join(" ", words), 0, 0, instruction);
        }
        // a multi-platform build puts the platform first: [linux/arm64 builder 2/5]
        List<String> before = words.subList(0, words.size() - 1);
        String stage = before.isEmpty() || before.get(before.size() - 1).contains("/") ? null
                : before.get(before.size() - 1);
        return new VertexName(stage, Integer.parseInt(s.group(1)), Integer.parseInt(s.group(2)), instruction);
    }
}
