package dev.stagecraft.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte counts as Docker shows them (decimal units: 1 kB = 1000 B) and as users write limits. */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([kmgt]?)(i?)(b?)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

    private ByteSize() {
    }

    /** {@code 762000} → "762 kB", {@code 574123456} → "574 MB" (three significant digits, like docker images). */
    public static String format(long bytes) {
        double v = Math.abs(bytes);
        int unit = 0;
        while (v >= 1000 && unit < UNITS.length - 1) {
            v /= 1000;
            unit++;
        }
        String number = unit == 0 || v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        if (number.contains(".")) {
            number = number.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return (bytes < 0 ? "-" : "") + number + " " + UNITS[unit];
    }

    /** A set of files and their total size: "12 files, 3.4 MB", "1 file, 319 B". */
    public static String files(int count, long bytes) {
        return count + (count == 1 ? " file, " : " files, ") + format(bytes);
    }

    /** A change, with its sign: "+1.2 MB", "-300 kB", "±0 B". */
    public static String formatChange(long delta) {
        return delta == 0 ? "±0 B" : (delta > 0 ? "+" : "") + format(delta);
    }

    /**
     * Parses "50MB", "50M", "1.5GB", "500kB", "2GiB", "1024": k/M/G/T are powers of 1000, with
     * {@code i} powers of 1024. Throws {@link IllegalArgumentException} with a clear message.
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size: write it like 50MB, 1.5GB or 500kB");
        }
        double n = Double.parseDouble(m.group(1));
        int power = " kmgt".indexOf(m.group(2).isEmpty() ? ' ' : Character.toLowerCase(m.group(2).charAt(0)));
        double base = m.group(3).isEmpty() ? 1000 : 1024;
        return Math.round(n * Math.pow(base, power));
    }
}
