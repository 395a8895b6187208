package dev.stagecraft.lint;

import static dev.stagecraft.lint.Severity.WARNING;

import java.util.List;

/**
 * BuildKit's build checks ({@code docker build --check}): same names, messages and meaning.
 * BuildKit reports every check as a warning ({@code # check=error=true} turns them to errors).
 */
final class BuildKitRules {
    private BuildKitRules() {
    }

    private static Rule rule(String id, String description, String explanation, String bad, String good) {
        String slug = id.replaceAll("([a-z])([A-Z])", "$1-$2").replace("JSONArgs", "JSON-Args").toLowerCase();
        return new Rule(id, description, WARNING, explanation, bad, good,
                "https://docs.docker.com/go/dockerfile/rule/" + slug + "/", Rule.Origin.BUILDKIT, null);
    }

    static final Rule STAGE_NAME_CASING = rule("StageNameCasing", "Stage names should be lowercase",
            "Stage names are case-insensitive; writing them in lower case avoids confusing them with image names.",
            "FROM node:20 AS BuilderBase", "FROM node:20 AS builder-base");
    static final Rule FROM_AS_CASING = rule("FromAsCasing", "The 'as' keyword should match the case of the 'from' keyword",
            "FROM and AS in different cases read as a typo.", "FROM debian:12 as builder", "FROM debian:12 AS builder");
    static final Rule NO_EMPTY_CONTINUATION = rule("NoEmptyContinuation",
            "Empty continuation lines will become errors in a future release",
            "An empty line inside a continued instruction is skipped today, but it is deprecated and easy to misread.",
            "RUN apk add \\\n\n    gnupg", "RUN apk add \\\n    gnupg");
    static final Rule CONSISTENT_INSTRUCTION_CASING = rule("ConsistentInstructionCasing",
            "All commands within the Dockerfile should use the same casing (either upper or lower)",
            "Instructions in mixed case are harder to scan; the majority casing of the file wins.",
            "FROM alpine\nrun echo hi", "FROM alpine\nRUN echo hi");
    static final Rule DUPLICATE_STAGE_NAME = rule("DuplicateStageName", "Stage names should be unique",
            "Two stages of one name make references ambiguous.", "FROM a:1 AS build\nFROM b:1 AS build",
            "FROM a:1 AS build-a\nFROM b:1 AS build-b");
    static final Rule RESERVED_STAGE_NAME = rule("ReservedStageName", "Reserved words should not be used as stage names",
            "scratch and context are reserved: FROM scratch and the build context would be shadowed.",
            "FROM alpine AS scratch", "FROM alpine AS base");
    static final Rule JSON_ARGS_RECOMMENDED = rule("JSONArgsRecommended",
            "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals",
            "In shell form the program runs as a child of /bin/sh -c and does not receive SIGTERM. Not reported when a "
                    + "SHELL instruction chose the shell on purpose.",
            "ENTRYPOINT my-program start", "ENTRYPOINT [\"my-program\", \"start\"]");
    static final Rule MAINTAINER_DEPRECATED = rule("MaintainerDeprecated",
            "The MAINTAINER instruction is deprecated, use a label instead to define an image author",
            "MAINTAINER is deprecated; the org.opencontainers.image.authors label says the same.",
            "MAINTAINER moby@example.com", "LABEL org.opencontainers.image.authors=\"moby@example.com\"");
    static final Rule UNDEFINED_ARG_IN_FROM = rule("UndefinedArgInFrom", "FROM command must use declared ARGs",
            "FROM can only use ARGs declared before the first FROM (and the automatic platform ARGs); an undeclared "
                    + "one expands to nothing.",
            "FROM node:${NODE_VERSION}", "ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}");
    static final Rule WORKDIR_RELATIVE_PATH = rule("WorkdirRelativePath",
            "Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes",
            "A relative WORKDIR is relative to the base image's working directory unless an absolute one was set "
                    + "earlier in the stage (or the stage it builds on).",
            "FROM alpine\nWORKDIR app", "FROM alpine\nWORKDIR /app");
    static final Rule UNDEFINED_VAR = rule("UndefinedVar", "Variables should be defined before their use",
            "A variable no ARG or ENV defines expands to nothing. BuildKit also knows the base image's environment; "
                    + "Stagecraft does not read images while you type, so it reports only where it can be sure: stages "
                    + "built FROM scratch (or on such a stage), and meta ARGs used in a stage without being declared "
                    + "there again.",
            "ARG VERSION=1\nFROM alpine:3.19\nENV APP_VERSION=$VERSION",
            "ARG VERSION=1\nFROM alpine:3.19\nARG VERSION\nENV APP_VERSION=$VERSION");
    static final Rule MULTIPLE_INSTRUCTIONS_DISALLOWED = rule("MultipleInstructionsDisallowed",
            "Multiple instructions of the same type should not be used in the same stage",
            "Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage counts; the earlier ones are reported.",
            "CMD [\"a\"]\nCMD [\"b\"]", "CMD [\"b\"]");
    static final Rule LEGACY_KEY_VALUE_FORMAT = rule("LegacyKeyValueFormat",
            "Legacy key/value format with whitespace separator should not be used",
            "ENV and LABEL in the old 'key value' form take the rest of the line as the value; key=value is explicit.",
            "ENV DEPS curl git", "ENV DEPS=\"curl git\"");
    static final Rule REDUNDANT_TARGET_PLATFORM = rule("RedundantTargetPlatform",
            "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior",
            "The target platform is already the default for FROM.", "FROM --platform=$TARGETPLATFORM alpine",
            "FROM alpine");
    static final Rule SECRETS_USED_IN_ARG_OR_ENV = rule("SecretsUsedInArgOrEnv",
            "Sensitive data should not be used in the ARG or ENV commands",
            "ARG and ENV values stay in the image's history and configuration; use RUN --mount=type=secret. Names "
                    + "matching password, secret, token, key, auth, credential(s), apikey, passwd, pword as a whole "
                    + "underscore-separated word count, unless public, file or version is one too.",
            "ENV GITHUB_TOKEN=abc", "RUN --mount=type=secret,id=github_token ./fetch.sh");
    static final Rule INVALID_DEFAULT_ARG_IN_FROM = rule("InvalidDefaultArgInFrom",
            "Default value for global ARG results in an empty or invalid base image name",
            "Without --build-arg the FROM must still name an image; give the ARG a default.",
            "ARG TAG\nFROM busybox:${TAG}", "ARG TAG=1.36\nFROM busybox:${TAG}");
    static final Rule FROM_PLATFORM_FLAG_CONST_DISALLOWED = rule("FromPlatformFlagConstDisallowed",
            "FROM --platform flag should not use a constant value",
            "A constant platform builds that platform whatever was asked for. Not reported when the stage name "
                    + "contains the architecture (a stage meant for one platform).",
            "FROM --platform=linux/amd64 alpine AS build", "FROM --platform=$BUILDPLATFORM alpine AS build");
    static final Rule EXPOSE_PROTO_CASING = rule("ExposeProtoCasing", "Protocol in EXPOSE instruction should be lowercase",
            "EXPOSE takes tcp or udp in lower case.", "EXPOSE 80/TCP", "EXPOSE 80/tcp");
    static final Rule EXPOSE_INVALID_FORMAT = rule("ExposeInvalidFormat",
            "IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release",
            "EXPOSE documents a container port; addresses and host ports belong to docker run -p.",
            "EXPOSE 127.0.0.1:80:80", "EXPOSE 80");
    static final Rule COPY_IGNORED_FILE = rule("CopyIgnoredFile", "Attempting to Copy file that is excluded by .dockerignore",
            "A source the build context's .dockerignore leaves out is not there at build time (only checked when the "
                    + "context is known: the command line reads it from the Dockerfile's folder or --context).",
            ".dockerignore: *.md\nCOPY README.md /app/", "COPY docs/ /app/docs/");

    static final List<Rule> ALL = List.of(STAGE_NAME_CASING, FROM_AS_CASING, NO_EMPTY_CONTINUATION,
            CONSISTENT_INSTRUCTION_CASING, DUPLICATE_STAGE_NAME, RESERVED_STAGE_NAME, JSON_ARGS_RECOMMENDED,
            MAINTAINER_DEPRECATED, UNDEFINED_ARG_IN_FROM, WORKDIR_RELATIVE_PATH, UNDEFINED_VAR,
            MULTIPLE_INSTRUCTIONS_DISALLOWED, LEGACY_KEY_VALUE_FORMAT, REDUNDANT_TARGET_PLATFORM,
            SECRETS_USED_IN_ARG_OR_ENV, INVALID_DEFAULT_ARG_IN_FROM, FROM_PLATFORM_FLAG_CONST_DISALLOWED,
            EXPOSE_PROTO_CASING, EXPOSE_INVALID_FORMAT, COPY_IGNORED_FILE);
}
