package dev.stagecraft.testing;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingMethod;

/**
 * Fails a UI test when Stagecraft's own code makes a blocking call on the JavaFX Application
 * Thread: file I/O, sockets (an engine call), sleeping, waiting on a lock or a future. BlockHound
 * (a Java agent) instruments the JDK's blocking methods and reports each call on the FX thread;
 * a report counts only when a frame of Stagecraft's main code is on the stack, so the toolkit's own
 * waiting (its event loop, a dialog's nested loop) and class loading are not ours. Each test ends
 * with the calls it caused listed, so the test that regressed names the place.
 */
public final class FxThreadWatch implements BeforeAllCallback, AfterEachCallback {
    private static final List<String> FOUND = new ArrayList<>();
    private static boolean installed;
    /** The classes of Stagecraft's main code (target/classes), read once before BlockHound is installed. */
    private static Set<String> mainClasses = Set.of();

    /** Frames under which a blocking call is not Stagecraft's doing: the JDK's class loading, nested event loops. */
    private static final Set<String> ALLOWED_UNDER = Set.of(
            "java.lang.ClassLoader.loadClass",
            "javafx.stage.Stage.showAndWait",
            "javafx.scene.control.Dialog.showAndWait",
            "com.sun.javafx.tk.quantum.QuantumToolkit.enterNestedEventLoop");

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        mainClasses = mainClasses();
        BlockHound.builder()
                .nonBlockingThreadPredicate(p -> p.or(t -> "JavaFX Application Thread".equals(t.getName())))
                .blockingMethodCallback(FxThreadWatch::blocked)
                .install();
    }

    private static void blocked(BlockingMethod method) {
        StackTraceElement[] stack = new Throwable().getStackTrace();
        StackTraceElement ours = null;
        for (StackTraceElement e : stack) {
            if (ALLOWED_UNDER.contains(e.getClassName() + "." + e.getMethodName())) {
                return;
            }
            if (ours == null && e.getClassName().startsWith("dev.stagecraft.") && isMainCode(e.getClassName())) {
                ours = e;
            }
        }
        if (ours != null) {
            StringBuilder sb = new StringBuilder(method.toString()).append(" on the FX thread, from ").append(ours);
            for (int i = 0; i < Math.min(stack.length, 40); i++) {
                sb.append("\n\tat ").append(stack[i]);
            }
            synchronized (FOUND) {
                FOUND.add(sb.toString());
            }
        }
    }

    /** Whether a class is Stagecraft's own (target/classes), not a test's. */
    private static boolean isMainCode(String className) {
        return mainClasses.contains(className);
    }

    private static Set<String> mainClasses() {
        try {
            CodeSource tests = FxThreadWatch.class.getProtectionDomain().getCodeSource();
            java.nio.file.Path main = java.nio.file.Path.of(tests.getLocation().toURI()).resolveSibling("classes");
            try (var files = java.nio.file.Files.walk(main)) {
                return files.map(main::relativize).map(java.nio.file.Path::toString).filter(f -> f.endsWith(".class"))
                        .map(f -> f.substring(0, f.length() - 6).replace(java.io.File.separatorChar, '.'))
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
            }
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list Stagecraft's classes", e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> found;
        synchronized (FOUND) {
            found = List.copyOf(FOUND);
            FOUND.clear();
        }
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " blocking call(s) on the FX thread:\n" + String.join("\n\n", found));
        }
    }
}
