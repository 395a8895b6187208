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

    /**
     * Frames (class.method prefixes) under which a blocking call is not a design fault of
     * Stagecraft's: the JDK's class loading, resource and resource-bundle lookup in the application's
     * own jars; the
     * toolkit's first-use loading of its fonts and style sheets (each read once, then cached); ELK's
     * registry of layout options, read from its jars at the first layout; a dialog's nested event
     * loop (the FX thread keeps running events); handing work to an executor (its queue lock is held
     * for microseconds). What is left is what matters: user files, the state directory, the engine,
     * sleeping and waiting.
     */
    private static final List<String> ALLOWED_UNDER = List.of(
            "java.lang.ClassLoader.loadClass",
            "java.lang.ClassLoader.getResource",
            "java.lang.Class.getResource",
            "java.util.ResourceBundle.getBundle",
            "javafx.stage.Stage.showAndWait",
            "javafx.scene.control.Dialog.showAndWait",
            "com.sun.javafx.tk.quantum.QuantumToolkit.enterNestedEventLoop",
            // Node.snapshot renders on the render thread and waits for it: the only way to take a
            // picture of the scene (it waits for the previous frame, then renders), and it must be taken on
            // the FX thread; encoding and writing the file are not
            "javafx.scene.Node.snapshot",
            "com.sun.javafx.css.StyleManager.",
            "com.sun.javafx.font.",
            "org.eclipse.elk.core.data.LayoutMetaDataService.getInstance",
            "java.util.concurrent.ThreadPoolExecutor.execute",
            "java.util.concurrent.ScheduledThreadPoolExecutor.schedule",
            "java.util.concurrent.ScheduledThreadPoolExecutor.execute");

    @Override
    public void beforeAll(ExtensionContext context) throws java.util.concurrent.TimeoutException {
        org.testfx.api.FxToolkit.registerPrimaryStage();
        install();
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        mainClasses = mainClasses();
        BlockHound.Builder builder = BlockHound.builder()
                .nonBlockingThreadPredicate(p -> p.or(FxThreadWatch::isFxThread))
                .blockingMethodCallback(FxThreadWatch::blocked);
        // BlockHound knows java.io streams and sockets; NIO files (Files.*, FileChannel) go through these
        markNatives(builder, "sun.nio.ch.FileDispatcherImpl", Set.of("read0", "pread0", "readv0", "write0", "pwrite0",
                "writev0", "force0", "truncate0", "size0", "lock0"));
        markNatives(builder, "sun.nio.fs.UnixNativeDispatcher", Set.of("open0", "openat0", "stat0", "lstat0", "fstat0",
                "fstatat0", "opendir0", "readdir0", "mkdir0", "rmdir0", "rename0", "renameat0", "unlink0", "unlinkat0",
                "realpath0", "readlink0", "access0", "chmod0", "chown0", "utimes0", "symlink0", "link0", "fsync0"));
        builder.install();
        forgetFxThreadState();
    }

    /**
     * BlockHound decides once per thread, at the thread's first check, whether it watches it, and
     * keeps "not watched" for good. A check the FX thread made while BlockHound was being installed
     * (the FX thread was busy: a previous test's window still animating its caret) was decided before
     * the predicates were in place, and the watch was blind for the rest of the run
     * (`-Dtest=LineNumbersTest,FxThreadWatchTest` failed). The FX thread's decision is dropped
     * after the install, on the FX thread, so its next check decides with the predicates.
     */
    private static void forgetFxThreadState() {
        try {
            // a package-private class of BlockHound's, put on the boot class path by its install
            java.lang.reflect.Field state = Class.forName("reactor.blockhound.BlockHoundRuntime", true, null)
                    .getDeclaredField("STATE");
            state.setAccessible(true);
            ThreadLocal<?> perThread = (ThreadLocal<?>) state.get(null);
            org.testfx.util.WaitForAsyncUtils.asyncFx(perThread::remove).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (ReflectiveOperationException | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot reset BlockHound's state of the FX thread", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isFxThread(Thread t) {
        return "JavaFX Application Thread".equals(t.getName());
    }

    /** Marks the named native methods of a JDK class as blocking, with their exact descriptors. */
    private static void markNatives(BlockHound.Builder builder, String className, Set<String> names) {
        try {
            for (java.lang.reflect.Method m : Class.forName(className).getDeclaredMethods()) {
                if (names.contains(m.getName()) && java.lang.reflect.Modifier.isNative(m.getModifiers())) {
                    builder.markAsBlocking(className, m.getName(), descriptor(m));
                }
            }
        } catch (ClassNotFoundException e) {
            // another JDK: BlockHound's own list still applies
        }
    }

    private static String descriptor(java.lang.reflect.Method m) {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            sb.append(descriptor(p));
        }
        return sb.append(')').append(descriptor(m.getReturnType())).toString();
    }

    private static String descriptor(Class<?> c) {
        if (c.isArray()) {
            return c.getName().replace('.', '/');
        }
        if (c.isPrimitive()) {
            return switch (c.getName()) {
                case "int" -> "I";
                case "long" -> "J";
                case "boolean" -> "Z";
                case "byte" -> "B";
                case "char" -> "C";
                case "short" -> "S";
                case "float" -> "F";
                case "double" -> "D";
                default -> "V";
            };
        }
        return "L" + c.getName().replace('.', '/') + ";";
    }

    private static void blocked(BlockingMethod method) {
        StackTraceElement[] stack = new Throwable().getStackTrace();
        StackTraceElement ours = null;
        for (StackTraceElement e : stack) {
            String frame = e.getClassName() + "." + e.getMethodName();
            for (String allowed : ALLOWED_UNDER) {
                if (frame.startsWith(allowed)) {
                    return;
                }
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
