package dev.stagecraft.testing;

/**
 * Big multi-stage Dockerfiles for benchmarks and the tests of hostile input: realistic ones
 * (builders, COPY --from, mounts, heredocs), long chains of stages, deep {@code ${} nesting.
 */
public final class GeneratedDockerfile {
    private GeneratedDockerfile() {
    }

    /** About {@code lines} lines in {@code stages} stages (each stage gets the same share of lines). */
    public static String of(int lines, int stages) {
        StringBuilder sb = new StringBuilder(lines * 40);
        sb.append("# syntax=docker/dockerfile:1\nARG GO_VERSION=1.22\nARG BASE=debian:bookworm\n\n");
        int perStage = Math.max(4, lines / stages);
        for (int s = 0; s < stages; s++) {
            String from = s == 0 || s % 10 == 0 ? "${BASE}" : "stage" + (s - 1);
            sb.append("FROM --platform=$BUILDPLATFORM ").append(from).append(" AS stage").append(s).append('\n');
            int written = 1;
            for (int i = 0; written < perStage - 1; i++) {
                switch (i % 6) {
                    case 0 -> {
                        sb.append("RUN --mount=type=cache,target=/root/.cache \\\n    apt-get update && \\\n")
                                .append("    apt-get install -y gcc make git # tools ").append(i).append('\n');
                        written += 3;
                    }
                    case 1 -> {
                        sb.append("ENV PATH=/usr/local/go/bin:$PATH GOFLAGS=\"-mod=vendor\" STEP=").append(i).append('\n');
                        written++;
                    }
                    case 2 -> {
                        if (s > 0) {
                            sb.append("COPY --from=stage").append(s / 2).append(" /out/bin").append(i).append(" /usr/local/bin/\n");
                        } else {
                            sb.append("COPY . /src\n");
                        }
                        written++;
                    }
                    case 3 -> {
                        sb.append("RUN <<EOF\nset -e\necho building ").append(i).append("\nmake -C /src all\nEOF\n");
                        written += 5;
                    }
                    case 4 -> {
                        sb.append("WORKDIR /src/module").append(i).append('\n');
                        written++;
                    }
                    default -> {
                        sb.append("LABEL org.opencontainers.image.source=\"https://example.com/repo\" step=").append(i).append('\n');
                        written++;
                    }
                }
            }
            sb.append("CMD [\"/usr/local/bin/app\", \"--port\", \"8080\"]\n\n");
        }
        return sb.toString();
    }

    /**
     * {@code stages} stages, each copying from the one before (the target needs them all): the
     * deepest stage graph a file can make, about 80 bytes a stage.
     */
    public static String chain(int stages) {
        StringBuilder sb = new StringBuilder(stages * 80);
        sb.append("ARG BASE=debian:bookworm\n");
        for (int s = 0; s < stages; s++) {
            sb.append("FROM ${BASE} AS s").append(s).append('\n');
            if (s > 0) {
                sb.append("COPY --from=s").append(s - 1).append(" /out /in\n");
            }
            sb.append("RUN make step").append(s).append(" > /out\n");
        }
        return sb.toString();
    }

    /**
     * {@code stages} stages, each copying from the one after it (BuildKit finds a {@code --from}
     * name anywhere in the file): a depth-first walk from the first stage descends through all of
     * them at once. The first stage needs every other.
     */
    public static String forwardChain(int stages) {
        StringBuilder sb = new StringBuilder(stages * 48);
        for (int s = 0; s < stages; s++) {
            sb.append("FROM busybox AS s").append(s).append('\n');
            if (s + 1 < stages) {
                sb.append("COPY --from=s").append(s + 1).append(" /out /in\n");
            }
        }
        return sb.toString();
    }

    /** {@code ${V:-${V:-...inner...}}} nested {@code depth} deep (V unset, so it expands to {@code inner}). */
    public static String nestedDefaults(int depth, String inner) {
        return "${V:-".repeat(depth) + inner + "}".repeat(depth);
    }
}
