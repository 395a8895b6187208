package dev.stagecraft.engine.build;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens the build context as a fresh tar stream each time it is called (a build may upload the
 * context more than once, e.g. per-stage builds); {@code BuildContext::stream} is one. Called on
 * the builder's background thread.
 */
@FunctionalInterface
public interface TarSource {
    InputStream open() throws IOException;
}
