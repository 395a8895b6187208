package dev.stagecraft.testing;

import dev.stagecraft.engine.Engine;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test of a class an engine time limit of half a second ({@link Engine#TIMEOUT_PROPERTY})
 * and puts the previous value back afterwards: for tests of engines that never answer.
 */
public final class ShortEngineTimeout implements BeforeEachCallback, AfterEachCallback {
    public static final String SECONDS = "0.5";
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ShortEngineTimeout.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("saved", Optional.ofNullable(System.getProperty(Engine.TIMEOUT_PROPERTY)));
        System.setProperty(Engine.TIMEOUT_PROPERTY, SECONDS);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Optional<?> saved = context.getStore(NS).get("saved", Optional.class);
        if (saved == null || saved.isEmpty()) {
            System.clearProperty(Engine.TIMEOUT_PROPERTY);
        } else {
            System.setProperty(Engine.TIMEOUT_PROPERTY, (String) saved.get());
        }
    }
}
