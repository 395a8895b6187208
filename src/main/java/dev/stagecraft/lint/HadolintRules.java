package dev.stagecraft.lint;

import static dev.stagecraft.lint.Severity.ERROR;
import static dev.stagecraft.lint.Severity.INFO;
import static dev.stagecraft.lint.Severity.WARNING;

import java.util.List;

/** hadolint's rules that Stagecraft implements: same ids, messages and default severities. */
final class HadolintRules {
    private HadolintRules() {
    }

    private static Rule rule(String id, Severity severity, String message, String explanation, String bad, String good) {
        return new Rule(id, message, severity, explanation, bad, good, "https://github.com/hadolint/hadolint/wiki/" + id,
                Rule.Origin.HADOLINT, null);
    }

    static final Rule DL3000 = rule("DL3000", ERROR, "Use absolute WORKDIR.",
            "A relative WORKDIR depends on the directory the base image left you in, which can change under you. "
                    + "Absolute paths (or a path starting with a variable) say where you are.",
            "WORKDIR app", "WORKDIR /app");
    static final Rule DL3002 = rule("DL3002", WARNING, "Last USER should not be root.",
            "Fires on every stage whose last USER is root or 0. A container running as root is one escape away "
                    + "from the host. Stagecraft's STG001 refines it: only the image that ships matters.",
            "FROM debian:12\nUSER root", "FROM debian:12\nUSER 10001");
    static final Rule DL3003 = rule("DL3003", WARNING, "Use WORKDIR to switch to a directory.",
            "cd in RUN only lasts for that RUN; WORKDIR says where the following instructions run and is easier to read.",
            "RUN cd /usr/src/app && make", "WORKDIR /usr/src/app\nRUN make");
    static final Rule DL3004 = rule("DL3004", ERROR,
            "Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root",
            "RUN already runs as the current USER; sudo needs a TTY and a sudoers entry and behaves differently "
                    + "across images. Switch USER, or use gosu/su-exec at run time.",
            "RUN sudo apt-get install -y curl", "USER root\nRUN apt-get install -y curl");
    static final Rule DL3006 = rule("DL3006", WARNING, "Always tag the version of an image explicitly",
            "An untagged FROM means :latest, which moves. hadolint fires on every untagged image that is not scratch, "
                    + "a digest or an earlier stage alias, including FROM ${IMAGE}. Stagecraft's STG007 refines it.",
            "FROM debian", "FROM debian:12.5");
    static final Rule DL3007 = rule("DL3007", WARNING,
            "Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag",
            "latest is whatever was pushed last; builds stop being reproducible.", "FROM node:latest", "FROM node:20.11");
    static final Rule DL3008 = rule("DL3008", WARNING,
            "Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`",
            "Unpinned packages change between builds. A package with =, a / (release or path) or a .deb file counts as pinned.",
            "RUN apt-get install -y curl", "RUN apt-get install -y curl=7.88.1-10+deb12u5");
    static final Rule DL3009 = rule("DL3009", INFO, "Delete the apt-get lists after installing something.",
            "apt-get update leaves /var/lib/apt/lists in the layer. hadolint checks the last stage and stages used "
                    + "later by name; a cache mount on /var/lib/apt/lists is fine. Stagecraft's STG002 refines it.",
            "RUN apt-get update && apt-get install -y curl",
            "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*");
    static final Rule DL3013 = rule("DL3013", WARNING,
            "Pin versions in pip. Instead of `pip install <package>` use `pip install <package>==<version>` or `pip install --requirement <requirements file>`.",
            "Unpinned pip packages change between builds. Requirement files, constraints, local paths, wheels and "
                    + "versioned VCS URLs count as pinned.",
            "RUN pip install django", "RUN pip install django==5.0.2");
    static final Rule DL3014 = rule("DL3014", WARNING,
            "Use the `-y` switch to avoid manual input `apt-get -y install <package>`",
            "Without -y apt-get asks for confirmation and the build fails without a terminal.",
            "RUN apt-get install curl", "RUN apt-get install -y curl");
    static final Rule DL3015 = rule("DL3015", INFO, "Avoid additional packages by specifying `--no-install-recommends`",
            "Recommended packages are rarely needed in an image and add size. Stagecraft's STG003 refines it.",
            "RUN apt-get install -y curl", "RUN apt-get install -y --no-install-recommends curl");
    static final Rule DL3016 = rule("DL3016", WARNING,
            "Pin versions in npm. Instead of `npm install <package>` use `npm install <package>@<version>`",
            "Unpinned npm packages change between builds. A package.json install (no names), a folder, a tarball or a "
                    + "git URL with # counts as pinned.",
            "RUN npm install -g express", "RUN npm install -g express@4.18.2");
    static final Rule DL3018 = rule("DL3018", WARNING,
            "Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`",
            "Unpinned apk packages change between builds; = or ~ pins, an .apk file counts as pinned.",
            "RUN apk add curl", "RUN apk add curl=8.5.0-r0");
    static final Rule DL3019 = rule("DL3019", INFO,
            "Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages",
            "apk add without --no-cache leaves the index in /var/cache/apk. Stagecraft's STG004 refines it.",
            "RUN apk add curl=8.5.0-r0", "RUN apk add --no-cache curl=8.5.0-r0");
    static final Rule DL3020 = rule("DL3020", ERROR, "Use COPY instead of ADD for files and folders",
            "ADD also fetches URLs and unpacks archives, which surprises readers. Use it only for those; COPY for the rest.",
            "ADD app.py /app/", "COPY app.py /app/");
    static final Rule DL3021 = rule("DL3021", ERROR,
            "COPY with more than 2 arguments requires the last argument to end with /.",
            "With several sources the destination must be a directory, written with a trailing slash.",
            "COPY a.txt b.txt /dst", "COPY a.txt b.txt /dst/");
    static final Rule DL3022 = rule("DL3022", WARNING, "COPY --from should reference a previously defined FROM alias",
            "hadolint expects --from to name a stage defined above (as written). It also fires on images and "
                    + "indexes; Stagecraft's STG008 refines it using the stage graph.",
            "FROM debian:12\nCOPY --from=build /a /a", "FROM golang:1.22 AS build\nFROM debian:12\nCOPY --from=build /a /a");
    static final Rule DL3023 = rule("DL3023", ERROR, "`COPY --from` cannot reference its own `FROM` alias",
            "A stage can't copy from itself; BuildKit refuses it as a cycle.",
            "FROM debian:12 AS app\nCOPY --from=app /a /b", "FROM debian:12 AS app\nCOPY --from=build /a /b");
    static final Rule DL3024 = rule("DL3024", ERROR, "FROM aliases (stage names) must be unique.",
            "With two stages of one name, references silently use one of them.",
            "FROM a:1 AS build\nFROM b:1 AS build", "FROM a:1 AS build-a\nFROM b:1 AS build-b");
    static final Rule DL3025 = rule("DL3025", WARNING, "Use arguments JSON notation for CMD and ENTRYPOINT arguments",
            "In shell form the program runs under /bin/sh -c and does not get signals such as SIGTERM.",
            "CMD node server.js", "CMD [\"node\", \"server.js\"]");
    static final Rule DL3026 = rule("DL3026", ERROR, "Use only an allowed registry in the FROM image",
            "Only with trustedRegistries in the config: base images must come from those registries (scratch and "
                    + "stage aliases are fine).",
            "FROM randomguy/python:3.12", "FROM docker.io/library/python:3.12");
    static final Rule DL3027 = rule("DL3027", WARNING,
            "Do not use apt as it is meant to be a end-user tool, use apt-get or apt-cache instead",
            "apt's command line interface is not stable for scripts and it warns so.",
            "RUN apt install -y curl", "RUN apt-get install -y curl");
    static final Rule DL3042 = rule("DL3042", WARNING,
            "Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`.",
            "pip keeps downloaded wheels in ~/.cache/pip, which then ships in the layer. PIP_NO_CACHE_DIR set in ENV "
                    + "or in the RUN counts. Stagecraft's STG005 refines it.",
            "RUN pip install django==5.0.2", "RUN pip install --no-cache-dir django==5.0.2");
    static final Rule DL3045 = rule("DL3045", WARNING, "`COPY` to a relative destination without `WORKDIR` set",
            "A relative destination lands wherever the base image's working directory is; set WORKDIR first "
                    + "(in this stage or the stage it builds on).",
            "FROM debian:12\nCOPY app.py app/", "FROM debian:12\nWORKDIR /srv\nCOPY app.py app/");
    static final Rule DL3047 = rule("DL3047", WARNING,
            "Avoid use of wget without progress bar. Use `wget --progress=dot:giga <url>`.Or consider using `-q` or `-nv` (shorthands for `--quiet` or `--no-verbose`)",
            "wget's default progress output floods build logs.",
            "RUN wget https://example.com/a.tgz", "RUN wget -nv https://example.com/a.tgz");
    static final Rule DL3059 = rule("DL3059", INFO, "Multiple consecutive `RUN` instructions. Consider consolidation.",
            "Each RUN is a layer. Consecutive RUNs with the same flags, each with at most two commands, can be one.",
            "RUN apt-get update\nRUN apt-get install -y curl", "RUN apt-get update && apt-get install -y curl");
    static final Rule DL3060 = rule("DL3060", INFO, "`yarn cache clean` missing after `yarn install` was run",
            "yarn keeps its cache in the layer unless it is cleaned in the same RUN. Stagecraft's STG006 refines it.",
            "RUN yarn install", "RUN yarn install && yarn cache clean");
    static final Rule DL4000 = rule("DL4000", ERROR, "MAINTAINER is deprecated",
            "MAINTAINER is deprecated; a label says the same.", "MAINTAINER Jane <jane@example.com>",
            "LABEL maintainer=\"Jane <jane@example.com>\"");
    static final Rule DL4001 = rule("DL4001", WARNING, "Either use Wget or Curl but not both.",
            "Two download tools in one stage mean two packages to install and keep updated.",
            "RUN wget -q https://a/x\nRUN curl -fsSL https://a/y", "RUN curl -fsSLO https://a/x && curl -fsSL https://a/y");
    static final Rule DL4003 = rule("DL4003", WARNING,
            "Multiple `CMD` instructions found. If you list more than one `CMD` then only the last `CMD` will take effect",
            "Only the last CMD of a stage counts.", "CMD [\"a\"]\nCMD [\"b\"]", "CMD [\"b\"]");
    static final Rule DL4004 = rule("DL4004", ERROR,
            "Multiple `ENTRYPOINT` instructions found. If you list more than one `ENTRYPOINT` then only the last `ENTRYPOINT` will take effect",
            "Only the last ENTRYPOINT of a stage counts.", "ENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]", "ENTRYPOINT [\"b\"]");
    static final Rule DL4006 = rule("DL4006", WARNING,
            "Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, or disable this check",
            "Without pipefail a pipe's status is its last command's, so a failed download piped into tar passes.",
            "RUN wget -O - https://a/x.tgz | tar xz",
            "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN wget -O - https://a/x.tgz | tar xz");

    static final List<Rule> ALL = List.of(DL3000, DL3002, DL3003, DL3004, DL3006, DL3007, DL3008, DL3009, DL3013,
            DL3014, DL3015, DL3016, DL3018, DL3019, DL3020, DL3021, DL3022, DL3023, DL3024, DL3025, DL3026, DL3027,
            DL3042, DL3045, DL3047, DL3059, DL3060, DL4000, DL4001, DL4003, DL4004, DL4006);
}
