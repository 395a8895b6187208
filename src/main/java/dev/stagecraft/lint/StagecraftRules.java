package dev.stagecraft.lint;

import static dev.stagecraft.lint.Severity.INFO;
import static dev.stagecraft.lint.Severity.WARNING;

import java.util.List;

/**
 * Stagecraft's own rules ({@code STG…}): judged with the stage graph and the target. The
 * stages that ship are the target and the stages it builds on with FROM; a stage only copied
 * from never reaches the final image.
 */
final class StagecraftRules {
    private StagecraftRules() {
    }

    private static Rule rule(String id, String name, Severity severity, String refines, String explanation, String bad,
                             String good) {
        return new Rule(id, name, severity, explanation, bad, good, null, Rule.Origin.STAGECRAFT, refines);
    }

    static final Rule SHIPS_AS_ROOT = rule("STG001", "The image that ships runs as root", WARNING, "DL3002",
            "The last USER of the target (or of the stage it builds on) is root, so containers run as root. Builder "
                    + "stages may be root: their user never runs. Refines DL3002, which fires on every stage.",
            "FROM golang:1.22 AS build\nUSER root\nFROM debian:12\nUSER root",
            "FROM golang:1.22 AS build\nUSER root\nFROM debian:12\nUSER 10001");
    static final Rule APT_LISTS_SHIPPED = rule("STG002", "apt lists ship in the image", INFO, "DL3009",
            "apt-get update without removing /var/lib/apt/lists in the same RUN, in a stage whose layers ship. In a "
                    + "builder stage the lists never reach the image, so nothing is reported. Refines DL3009.",
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl",
            "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*");
    static final Rule RECOMMENDS_SHIPPED = rule("STG003", "Recommended packages ship in the image", INFO, "DL3015",
            "apt-get install without --no-install-recommends in a stage that ships. Refines DL3015: in builder stages "
                    + "extra packages cost build time only.",
            "FROM debian:12\nRUN apt-get install -y curl", "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl");
    static final Rule APK_CACHE_SHIPPED = rule("STG004", "The apk cache ships in the image", INFO, "DL3019",
            "apk add without --no-cache in a stage that ships. Refines DL3019.", "FROM alpine:3.19\nRUN apk add curl",
            "FROM alpine:3.19\nRUN apk add --no-cache curl");
    static final Rule PIP_CACHE_SHIPPED = rule("STG005", "The pip cache ships in the image", WARNING, "DL3042",
            "pip install without --no-cache-dir (or PIP_NO_CACHE_DIR) in a stage that ships. Refines DL3042.",
            "FROM python:3.12\nRUN pip install -r requirements.txt",
            "FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt");
    static final Rule YARN_CACHE_SHIPPED = rule("STG006", "The yarn cache ships in the image", INFO, "DL3060",
            "yarn install without yarn cache clean in a stage that ships. Refines DL3060.",
            "FROM node:20\nRUN yarn install", "FROM node:20\nRUN yarn install && yarn cache clean");
    static final Rule UNTAGGED_BASE = rule("STG007", "Base image without a tag", WARNING, "DL3006",
            "The base image, after the meta ARGs' defaults are applied, has neither a tag nor a digest. A FROM naming an "
                    + "earlier stage (also through an ARG) or an ARG without a default is not reported. Refines DL3006.",
            "ARG BASE=debian\nFROM ${BASE}", "ARG BASE=debian:12\nFROM ${BASE}");
    static final Rule UNKNOWN_COPY_SOURCE = rule("STG008", "COPY --from names no stage", WARNING, "DL3022",
            "--from names neither a stage nor something that looks like an image (a registry, a path or a tag), so "
                    + "BuildKit will try to pull an image of that name. Refines DL3022, which also fires on images.",
            "FROM debian:12\nCOPY --from=biuld /app /app", "FROM golang:1.22 AS build\nFROM debian:12\nCOPY --from=build /app /app");
    static final Rule BUILD_TOOLS_SHIPPED = rule("STG010", "Build tools ship in the image", INFO, null,
            "A stage that ships installs compilers or build tools (build-essential, gcc, make, golang, a JDK, git, "
                    + "cargo...). Build in a builder stage and copy the result over.",
            "FROM debian:12\nRUN apt-get install -y build-essential && make",
            "FROM debian:12 AS build\nRUN apt-get install -y build-essential && make\nFROM debian:12\nCOPY --from=build /out /usr/local/bin/");
    static final Rule DEV_DEPENDENCIES_SHIPPED = rule("STG011", "Node dev dependencies ship in the image", INFO, null,
            "npm install / npm ci / yarn install without --production or --omit=dev in a stage that ships installs "
                    + "devDependencies into node_modules of the final image.",
            "FROM node:20\nRUN npm ci", "FROM node:20\nRUN npm ci --omit=dev");
    static final Rule SOURCES_SHIPPED = rule("STG012", "Sources ship in the image", INFO, null,
            "COPY . copies the whole build context into a stage that ships, in a multi-stage build: sources, tests "
                    + "and build files end up in the final image. Copy the built artifact from the builder instead.",
            "FROM golang:1.22 AS build\nFROM debian:12\nCOPY . /app",
            "FROM golang:1.22 AS build\nFROM debian:12\nCOPY --from=build /out/app /app");
    static final Rule FULL_BASE_FOR_COPIED_BINARY = rule("STG013", "A full distribution ships one copied binary", INFO,
            null,
            "The target only copies files from other stages (no RUN) onto a full distribution image. If the binary "
                    + "is static, scratch or a distroless base ships far less.",
            "FROM debian:12\nCOPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]",
            "FROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]");
    static final Rule SECRETS_SHIPPED = rule("STG014", "Secrets in ARG or ENV of a stage that ships", WARNING,
            "SecretsUsedInArgOrEnv",
            "Same names as BuildKit's SecretsUsedInArgOrEnv, reported only where the value reaches the image that "
                    + "ships (ENV in its config, ARG in its history). Refines SecretsUsedInArgOrEnv.",
            "FROM debian:12\nENV API_TOKEN=abc", "FROM debian:12\nRUN --mount=type=secret,id=api_token ./configure");
    static final Rule CACHE_MOUNT_MISSING = rule("STG015", "Package install without a cache mount", INFO, null,
            "A builder stage installs packages without RUN --mount=type=cache, so every change re-downloads them. "
                    + "(For apt on Debian images, also remove /etc/apt/apt.conf.d/docker-clean to keep the .debs.)",
            "FROM golang:1.22 AS build\nRUN apt-get update && apt-get install -y gcc",
            "FROM golang:1.22 AS build\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n"
                    + "    --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update && apt-get install -y gcc");
    static final Rule UNUSED_STAGE = rule("STG016", "The target never builds this stage", INFO, null,
            "Neither the target nor any stage it needs uses this stage, so building the target skips it. Other rules "
                    + "skip it too unless all stages are asked for.",
            "FROM debian:12 AS old\nFROM debian:12\nRUN true", "FROM debian:12\nRUN true");
    static final Rule JSON_FALLBACK = rule("STG017", "Exec form that is not JSON runs in shell form", WARNING, null,
            "Arguments that start with [ are read as a JSON array; when they are not valid JSON (single quotes, a "
                    + "missing comma or bracket) BuildKit silently runs them in shell form, so the brackets and quotes "
                    + "become part of the command. The shell's test command (RUN [ -f x ] && ...) is not reported.",
            "FROM alpine\nCMD ['nginx', '-g', 'daemon off;']", "FROM alpine\nCMD [\"nginx\", \"-g\", \"daemon off;\"]");
    static final Rule UNTERMINATED_SHELL_QUOTE = rule("STG018", "Unterminated quote in a shell command", WARNING, null,
            "A quote in RUN, CMD, ENTRYPOINT, HEALTHCHECK or SHELL is never closed. BuildKit passes the text to the "
                    + "shell as it is, so the build step (or the container) fails when the shell reads it. (In other "
                    + "instructions BuildKit refuses the file: that is an error of the parser.)",
            "FROM alpine\nRUN echo \"hello", "FROM alpine\nRUN echo \"hello\"");
    static final Rule UNKNOWN_PLATFORM = rule("STG019", "Target platform is not os/arch[/variant]", WARNING, null,
            "The platform asked for (--platform, or the window's build settings) is not of the form os/arch[/variant], "
                    + "so the graph and the automatic platform ARGs (TARGETOS, TARGETARCH...) use the host's platform; "
                    + "docker build would refuse it.",
            "# stagecraft graph --platform amd64-linux Dockerfile\nFROM alpine",
            "# stagecraft graph --platform linux/amd64 Dockerfile\nFROM alpine");
    static final Rule EMPTY_FROM = rule("STG020", "--from= names nothing", WARNING, null,
            "An empty --from= is read as no --from at all: the sources come from the build context, not from a stage "
                    + "or an image. Usually a stage name or a variable went missing.",
            "FROM golang:1.22 AS build\nFROM alpine\nCOPY --from= /out/app /app",
            "FROM golang:1.22 AS build\nFROM alpine\nCOPY --from=build /out/app /app");

    static final List<Rule> ALL = List.of(SHIPS_AS_ROOT, APT_LISTS_SHIPPED, RECOMMENDS_SHIPPED, APK_CACHE_SHIPPED,
            PIP_CACHE_SHIPPED, YARN_CACHE_SHIPPED, UNTAGGED_BASE, UNKNOWN_COPY_SOURCE, BUILD_TOOLS_SHIPPED,
            DEV_DEPENDENCIES_SHIPPED, SOURCES_SHIPPED, FULL_BASE_FOR_COPIED_BINARY, SECRETS_SHIPPED,
            CACHE_MOUNT_MISSING, UNUSED_STAGE, JSON_FALLBACK, UNTERMINATED_SHELL_QUOTE, UNKNOWN_PLATFORM,
            EMPTY_FROM);
}
