package dev.stagecraft.dockerfile.syntax;

/**
 * A here-document on RUN, COPY or ADD: {@code <<EOF}, {@code <<-EOF} (leading tabs stripped),
 * {@code <<"EOF"} / {@code <<'EOF'} (no expansion), with an optional file descriptor ({@code 3<<EOF}).
 * {@code content} is the body as written, one {@code \n} after each line; null range parts mean
 * the heredoc was never terminated.
 */
public record Heredoc(String name, boolean chomp, boolean quoted, Integer fileDescriptor, String content,
                      TextRange markerRange, TextRange bodyRange, TextRange endRange) {

    public boolean terminated() {
        return endRange != null;
    }

    /** The body as the build sees it: with {@code <<-}, leading tabs removed from every line. */
    public String text() {
        if (!chomp) {
            return content;
        }
        StringBuilder sb = new StringBuilder(content.length());
        for (String line : content.split("\n", -1)) {
            int i = 0;
            while (i < line.length() && line.charAt(i) == '\t') {
                i++;
            }
            sb.append(line, i, line.length()).append('\n');
        }
        sb.setLength(Math.max(0, sb.length() - 1));
        return sb.toString();
    }
}
