package dev.stagecraft.ui.build;

import dev.stagecraft.engine.build.BuildEvent;
import dev.stagecraft.engine.build.BuildListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Hands build events from the builder's thread to the FX thread in batches: one FX task drains
 * whatever arrived meanwhile, so a chatty log does not flood the FX queue. Order is kept.
 * {@link #accept} from any thread; {@code sink} runs on {@code fx}.
 */
final class BuildEvents implements BuildListener {
    private final Executor fx;
    private final Consumer<List<BuildEvent>> sink;
    private final List<BuildEvent> pending = new ArrayList<>();
    private boolean scheduled;

    BuildEvents(Executor fx, Consumer<List<BuildEvent>> sink) {
        this.fx = fx;
        this.sink = sink;
    }

    @Override
    public void accept(BuildEvent e) {
        synchronized (pending) {
            pending.add(e);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        fx.execute(this::drain);
    }

    /** After every event so far has reached the sink, runs {@code then} on the FX executor. */
    void flushThen(Runnable then) {
        fx.execute(() -> {
            drain();
            then.run();
        });
    }

    private void drain() {
        List<BuildEvent> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending);
            pending.clear();
            scheduled = false;
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
