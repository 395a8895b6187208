package dev.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Engine addresses Stagecraft can't use are one line naming the address and what works, never an exception. */
class EngineEndpointTest {
    private static Optional<String> problem(String host) {
        return EngineEndpoint.of(host, "DOCKER_HOST").problem();
    }

    @Test
    void addressesThatWorkHaveNoProblem() {
        assertEquals(Optional.empty(), problem("unix:///var/run/docker.sock"));
        assertEquals(Optional.empty(), problem("tcp://127.0.0.1:2375"));
        assertEquals(Optional.empty(), problem("tcp://build-box"));
        assertEquals(Optional.empty(), problem("tcp://[::1]:2376"));
    }

    @Test
    void eachUnusableAddressSaysWhyAndWhatWorks() {
        assertEquals(Optional.of("can't use the engine address bogus://x (DOCKER_HOST): Stagecraft does not support "
                + "'bogus://' — use unix:///path/to/docker.sock or tcp://host:port"), problem("bogus://x"));
        assertEquals(Optional.of("can't use the engine address 'localhost:2375' (DOCKER_HOST): it has no scheme — "
                + "use unix:///path/to/docker.sock or tcp://host:port"), problem("localhost:2375"));
        assertEquals(Optional.of("can't use the engine address tcp:// (DOCKER_HOST): no host name or a port that is "
                + "not a number — use unix:///path/to/docker.sock or tcp://host:port"), problem("tcp://"));
        assertEquals(Optional.of("can't use the engine address tcp://host:abc (DOCKER_HOST): no host name or a port "
                + "that is not a number — use unix:///path/to/docker.sock or tcp://host:port"), problem("tcp://host:abc"));
        assertEquals(Optional.of("can't use the engine address unix:// (DOCKER_HOST): no socket path — use "
                + "unix:///path/to/docker.sock or tcp://host:port"), problem("unix://"));
        assertEquals("can't use the engine address ssh://me@box (DOCKER_HOST): Stagecraft does not speak ssh:// — "
                + "forward the engine's socket (ssh -nNT -L /tmp/docker.sock:/var/run/docker.sock HOST) and use "
                + "unix:///tmp/docker.sock", problem("ssh://me@box").orElseThrow());
        assertEquals(Optional.of("can't use the engine address '' (DOCKER_HOST): it has no scheme — use "
                + "unix:///path/to/docker.sock or tcp://host:port"), problem(""));
    }

    @Test
    void anEngineAtAnUnusableAddressIsDownWithTheReasonAndNeverThrowsOnConnect() throws Exception {
        try (Engine e = Engine.connect(EngineEndpoint.of("bogus://x", "DOCKER_HOST"), Engine.CLI_HINT)) {
            EngineStatus s = e.status();
            assertFalse(s.up());
            assertEquals(problem("bogus://x").orElseThrow(), s.problem());
            IllegalStateException ex = assertThrows(IllegalStateException.class, e::docker);
            assertEquals(s.problem(), ex.getMessage());
        }
    }

    @Test
    void aTcpAddressWithoutPortGetsTheCliDefault() {
        assertEquals("tcp://box:2375", EngineEndpoint.of("tcp://box", "x").clientHost());
        assertEquals("tcp://box:2376", new EngineEndpoint("tcp://box", null, true, null, "x").clientHost());
        assertEquals("tcp://box:1234", EngineEndpoint.of("tcp://box:1234", "x").clientHost());
    }
}
