package dev.stagecraft.engine.build;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/** A listener that keeps every event, and lets a test wait for one. */
final class Recorder implements BuildListener {
    private final List<BuildEvent> events = new ArrayList<>();
    private final Predicate<BuildEvent> awaited;
    final CountDownLatch seen = new CountDownLatch(1);

    Recorder() {
        this(e -> false);
    }

    Recorder(Predicate<BuildEvent> awaited) {
        this.awaited = awaited;
    }

    @Override
    public synchronized void accept(BuildEvent e) {
        events.add(e);
        if (awaited.test(e)) {
            seen.countDown();
        }
    }

    synchronized List<BuildEvent> events() {
        return List.copyOf(events);
    }

    <T extends BuildEvent> List<T> all(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    int indexOf(Predicate<BuildEvent> p) {
        List<BuildEvent> es = events();
        for (int i = 0; i < es.size(); i++) {
            if (p.test(es.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The events, one a line, for assertion messages. */
    String dump() {
        StringBuilder sb = new StringBuilder();
        events().forEach(e -> sb.append(e).append('\n'));
        return sb.toString();
    }
}
