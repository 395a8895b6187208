package dev.stagecraft.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The starter Dockerfiles offered by New from template, each a working multi-stage build kept as
 * a resource. {@link #GO} is what the window shows when started without a file. Immutable.
 */
public enum Template {
    GO("Go static binary", "go"),
    JAVA("Java (Maven → JRE)", "java"),
    NODE("Node (build → nginx)", "node"),
    PYTHON("Python (wheels → slim)", "python"),
    RUST("Rust (cargo → distroless)", "rust"),
    C("C (gcc → scratch)", "c");

    private final String title;
    private final String resource;
    private volatile String text;

    Template(String title, String resource) {
        this.title = title;
        this.resource = resource;
    }

    public String title() {
        return title;
    }

    /** The template's text, read from the jar the first time (call {@link #preload} off the UI thread). */
    public String text() {
        String t = text;
        if (t == null) {
            t = read();
            text = t;
        }
        return t;
    }

    /** Reads every template now, so that later calls of {@link #text} touch no file. Blocking. */
    public static void preload() {
        for (Template t : values()) {
            t.text();
        }
    }

    private String read() {
        String path = "templates/" + resource + ".Dockerfile";
        try (InputStream in = Template.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing template resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
