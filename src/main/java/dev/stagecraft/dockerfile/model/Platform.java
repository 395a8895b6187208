package dev.stagecraft.dockerfile.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An {@code os/arch[/variant]} platform and BuildKit's automatic platform ARGs
 * ({@code BUILDPLATFORM}, {@code TARGETARCH}, ...). Immutable.
 */
public record Platform(String os, String arch, String variant) {

    /** The platform of this machine as Docker names it (containers are Linux even on other hosts). */
    public static Platform host() {
        String arch = System.getProperty("os.arch", "amd64").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "x86_64", "amd64" -> new Platform("linux", "amd64", null);
            case "aarch64", "arm64" -> new Platform("linux", "arm64", null);
            case "arm" -> new Platform("linux", "arm", "v7");
            case "x86", "i386", "i686" -> new Platform("linux", "386", null);
            default -> new Platform("linux", arch, null);
        };
    }

    /** Parses {@code os/arch[/variant]}; null if it has not that shape. */
    public static Platform parse(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("/");
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return null;
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    @Override
    public String toString() {
        return os + "/" + arch + (variant == null ? "" : "/" + variant);
    }

    /** The automatic ARGs BuildKit defines for a build on {@code build} targeting {@code target}. */
    public static Map<String, String> automaticArgs(Platform build, Platform target) {
        Map<String, String> args = new LinkedHashMap<>();
        put(args, "BUILD", build);
        put(args, "TARGET", target);
        return args;
    }

    private static void put(Map<String, String> args, String prefix, Platform p) {
        args.put(prefix + "PLATFORM", p.toString());
        args.put(prefix + "OS", p.os);
        args.put(prefix + "ARCH", p.arch);
        args.put(prefix + "VARIANT", p.variant == null ? "" : p.variant);
    }
}
