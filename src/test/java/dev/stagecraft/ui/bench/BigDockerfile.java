package dev.stagecraft.ui.bench;

/** Generates a large multi-stage Dockerfile (default 2,000 lines, 40 stages) for the UI benchmark. */
public final class BigDockerfile {
    private BigDockerfile() {
    }

    public static String generate(int stages, int lines) {
        StringBuilder sb = new StringBuilder("# syntax=docker/dockerfile:1\nARG BASE=debian:bookworm\n");
        int perStage = Math.max(6, (lines - 2) / stages);
        for (int s = 0; s < stages; s++) {
            String base = s == 0 ? "${BASE}" : (s % 3 == 0 ? "alpine:3.20" : "s" + (s - 1));
            sb.append("FROM ").append(base).append(" AS s").append(s).append('\n');
            int body = perStage - 1;
            for (int l = 0; l < body; l++) {
                switch (l % 6) {
                    case 0 -> sb.append("ENV KEY_").append(l).append("=\"value ").append(s).append("\"\n");
                    case 1 -> sb.append("RUN apt-get update \\\n");
                    case 2 -> sb.append(" && apt-get install -y --no-install-recommends curl git make gcc\n");
                    case 3 -> sb.append(s > 0 ? "COPY --from=s" + (s - 1) + " /out/" + l + " /in/" + l + "\n"
                            : "COPY . /src\n");
                    case 4 -> sb.append("RUN --mount=type=cache,target=/root/.cache make -C /src target-").append(l).append('\n');
                    default -> sb.append("# step ").append(l).append(" of stage ").append(s).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
