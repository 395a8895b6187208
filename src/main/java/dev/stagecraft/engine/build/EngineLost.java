package dev.stagecraft.engine.build;

import dev.stagecraft.engine.Engine;
import java.io.EOFException;
import java.util.Locale;

/**
 * The one line for a build whose engine went away mid-stream: "the engine at
 * unix:///var/run/docker.sock went away during the build (connection reset)". Pure.
 */
final class EngineLost {
    static final String CLOSED_EARLY = "the connection closed before the build ended";

    private EngineLost() {
    }

    static String message(String host, Throwable cause) {
        return message(host, how(cause));
    }

    static String message(String host, String how) {
        return "the engine at " + host + " went away during the build (" + how + ")";
    }

    /** How the stream broke, in a few words. */
    static String how(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("connection reset")) {
                return "connection reset";
            }
            if (m.contains("broken pipe")) {
                return "broken pipe";
            }
            if (t instanceof EOFException || m.contains("premature end") || m.contains("closing chunk expected")
                    || t.getClass().getSimpleName().equals("ConnectionClosedException")) {
                return CLOSED_EARLY;
            }
        }
        return Engine.reason(e);
    }
}
