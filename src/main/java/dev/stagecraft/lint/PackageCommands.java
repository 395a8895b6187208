package dev.stagecraft.lint;

import dev.stagecraft.dockerfile.syntax.Flag;
import dev.stagecraft.dockerfile.syntax.Instruction;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * How the shell rules recognise package-manager commands, with hadolint's exact conditions
 * (Hadolint.Shell's cmdHasArgs, hasFlag, getArgsNoFlags, isPipInstall). Stateless.
 */
final class PackageCommands {
    static final Set<String> TRUTHY = Set.of("1", "true", "True", "TRUE", "on", "On", "ON", "yes", "Yes", "YES");
    private static final List<String> VERSION_SYMBOLS = List.of("==", ">=", "<=", ">", "<", "!=", "~=", "===");
    private static final List<String> VCS = List.of("git+file", "git+https", "git+ssh", "git+http", "git+git", "git",
            "hg+file", "hg+http", "hg+https", "hg+ssh", "hg+static-http", "svn", "svn+svn", "svn+http", "svn+https",
            "svn+ssh", "bzr+http", "bzr+https", "bzr+ssh", "bzr+sftp", "bzr+ftp", "bzr+lp");
    private static final Set<String> PIP_VALUE_FLAGS = Set.of("abi", "b", "build", "e", "editable", "extra-index-url",
            "f", "find-links", "i", "index-url", "implementation", "no-binary", "only-binary", "platform", "prefix",
            "progress-bar", "proxy", "python-version", "root", "src", "t", "target", "trusted-host",
            "upgrade-strategy");

    private PackageCommands() {
    }

    static boolean aptGetInstall(ShellScript.Command c) {
        return c.is("apt-get", "install");
    }

    static List<String> aptGetPackages(ShellScript.Command c) {
        return c.argsNoFlags(Set.of("t", "target-release")).stream().filter(a -> !a.equals("install")).toList();
    }

    static boolean forgotYes(ShellScript.Command c) {
        return aptGetInstall(c) && !c.hasFlag("y", "yes", "q", "assume-yes");
    }

    static boolean forgotNoRecommends(ShellScript.Command c) {
        return aptGetInstall(c) && !c.hasFlag("no-install-recommends") && !c.hasArg("APT::Install-Recommends=false");
    }

    static boolean apkAdd(ShellScript.Command c) {
        return c.is("apk", "add");
    }

    static boolean forgotApkNoCache(ShellScript.Command c) {
        return apkAdd(c) && !c.hasFlag("no-cache");
    }

    /** DL3009's condition for one RUN: apt-get update without an rm of the lists (hadolint: any rm with -rf or the path). */
    static boolean forgotAptListsCleanup(ShellScript script) {
        return script.any(c -> c.is("apt-get", "update")) && !script.any(c -> c.is("rm", "-rf", "/var/lib/apt/lists/*"));
    }

    static boolean aptListsCached(List<String> cacheTargets) {
        boolean lists = false;
        boolean lib = false;
        boolean cache = false;
        for (String target : cacheTargets) {
            lists |= target.startsWith("/var/lib/apt/lists");
            lib |= target.startsWith("/var/lib/apt");
            cache |= target.startsWith("/var/cache/apt");
        }
        return lists || lib && cache;
    }

    /**
     * The targets of a RUN's {@code --mount=type=cache,...} flags (BuildKit's comma-separated
     * fields; {@code target}, {@code dst} or {@code destination}). Quoted fields are rare in cache
     * mounts and read as written.
     */
    static List<String> cacheTargets(Instruction run) {
        List<String> out = null;
        for (Flag f : run.flags()) {
            if (!f.name().equalsIgnoreCase("mount") || f.value() == null) {
                continue;
            }
            boolean cache = false;
            String target = null;
            for (String field : f.value().split(",")) {
                int eq = field.indexOf('=');
                String key = (eq < 0 ? field : field.substring(0, eq)).trim().toLowerCase(java.util.Locale.ROOT);
                String value = eq < 0 ? "" : field.substring(eq + 1).replace("\"", "");
                if (key.equals("type")) {
                    cache = value.equals("cache");
                } else if (key.equals("target") || key.equals("dst") || key.equals("destination")) {
                    target = value;
                }
            }
            if (cache) {
                if (out == null) {
                    out = new java.util.ArrayList<>(2);
                }
                out.add(target == null ? "" : target);
            }
        }
        return out == null ? List.of() : out;
    }

    static boolean pipInstall(ShellScript.Command c) {
        if (!c.name().startsWith("pip") && !c.name().startsWith("python")) {
            return false;
        }
        List<String> args = c.argTexts();
        return c.name().startsWith("pip") && args.contains("install")
                || c.name().startsWith("python") && Collections.indexOfSubList(args, List.of("-m", "pip", "install")) >= 0;
    }

    private static boolean pipWrapper(ShellScript.Command c) {
        for (String w : List.of("pipx", "pipenv")) {
            if (c.name().contains(w) || c.name().startsWith("python")
                    && Collections.indexOfSubList(c.argTexts(), List.of("-m", w)) >= 0) {
                return true;
            }
        }
        return false;
    }

    static boolean forgotNoCacheDir(ShellScript.Command c) {
        return pipInstall(c) && !c.argTexts().contains("--no-cache-dir") && !pipWrapper(c);
    }

    /** {@code PIP_NO_CACHE_DIR=<truthy>} written in the RUN itself. */
    static boolean pipNoCacheDirInline(String text) {
        int at = text.indexOf("PIP_NO_CACHE_DIR=");
        if (at < 0) {
            return false;
        }
        String rest = text.substring(at + "PIP_NO_CACHE_DIR=".length());
        return TRUTHY.stream().anyMatch(rest::startsWith);
    }

    static boolean forgotPipPin(ShellScript.Command c) {
        List<String> args = c.argTexts();
        if (!pipInstall(c) || c.hasFlag("constraint", "c")
                || args.contains("--requirement") || args.contains("-r") || args.contains(".")) {
            return false;
        }
        List<String> rest = c.argsNoFlags(PIP_VALUE_FLAGS);
        int k = rest.indexOf("install");
        if (k < 0) {
            return false;
        }
        while (k < rest.size() && rest.get(k).equals("install")) {
            k++;
        }
        for (String p : rest.subList(k, rest.size())) {
            boolean vcs = VCS.stream().anyMatch(p::startsWith);
            boolean fixed = VERSION_SYMBOLS.stream().anyMatch(p::contains) || vcs && p.contains("@")
                    || p.endsWith(".whl") || p.endsWith(".tar.gz") || !vcs && p.contains("/");
            if (!fixed) {
                return true;
            }
        }
        return false;
    }

    static boolean forgotNpmPin(ShellScript.Command c) {
        if (!c.is("npm", "install")) {
            return false;
        }
        List<String> rest = c.argsNoFlags(Set.of());
        if (rest.isEmpty() || !rest.get(0).equals("install")) {
            return false;
        }
        int k = 0;
        while (k < rest.size() && rest.get(k).equals("install")) {
            k++;
        }
        for (String p : rest.subList(k, rest.size())) {
            boolean fixed;
            if (List.of("git://", "git+ssh://", "git+http://", "git+https://").stream().anyMatch(p::startsWith)) {
                fixed = p.contains("#");
            } else if (p.endsWith(".tar") || p.endsWith(".tar.gz") || p.endsWith(".tgz")) {
                fixed = true;
            } else if (List.of("/", "./", "../", "~/").stream().anyMatch(p::startsWith)) {
                fixed = true;
            } else {
                String unscoped = !p.startsWith("@") ? p : p.indexOf('/') < 0 ? "" : p.substring(p.indexOf('/'));
                fixed = unscoped.contains("@");
            }
            if (!fixed) {
                return true;
            }
        }
        return false;
    }

    static boolean yarnInstall(ShellScript.Command c) {
        return c.is("yarn", "install");
    }

    static boolean forgotYarnCacheClean(ShellScript script) {
        return script.any(PackageCommands::yarnInstall) && !script.any(c -> c.is("yarn", "cache", "clean"));
    }

    static boolean forgotWgetProgress(ShellScript.Command c) {
        return c.name().equals("wget") && !c.hasFlag("progress")
                && !c.hasFlag("q", "quiet", "o", "output-file", "a", "append-output", "no-verbose")
                && !c.hasArg("-nv");
    }
}
