package dev.stagecraft.project;

import java.nio.file.Path;
import java.util.Map;

/**
 * A child JVM whose state writer waits a minute before writing: it updates a Dockerfile's
 * state, says "ready" and waits. Ended by SIGTERM, only the exit hook can have written the state.
 * Args: state folder, Dockerfile.
 */
public final class TermChild {
    private TermChild() {
    }

    public static void main(String[] args) throws Exception {
        StateStore store = new StateStore(new StateDirectory(Path.of(args[0])), 60_000);
        store.update(Path.of(args[1]), DocumentState.empty().withPositions(Map.of("a", new NodePosition(1, 2))));
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
