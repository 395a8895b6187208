package dev.stagecraft.engine;

/**
 * What answered at an endpoint: the engine and API versions, or the one-line reason nothing did.
 * Immutable.
 */
public record EngineStatus(EngineEndpoint endpoint, String engineVersion, String apiVersion, String os, String arch,
                           String problem) {

    /** The Docker context the endpoint came from, or null. */
    public String context() {
        return endpoint.context();
    }

    public boolean up() {
        return problem == null;
    }

    /** "Docker 20.10.24 (API 1.41) at unix:///var/run/docker.sock", naming the context if any. */
    public String describe() {
        if (!up()) {
            return problem;
        }
        return "Docker " + engineVersion + " (API " + apiVersion + ") at " + endpoint.host()
                + (endpoint.context() != null ? " [context " + endpoint.context() + "]" : "");
    }

    /**
     * The line for an engine that accepted the connection but did not answer in time:
     * "no answer from tcp://127.0.0.1:2375 within 10 s — restart dockerd or set DOCKER_HOST".
     */
    public static String noAnswer(String noAnswer, String hint) {
        return noAnswer + " — restart dockerd or " + hint;
    }

    /** The no-engine line, ending with what to do ({@code hint}: "choose another engine in Settings"). */
    public static String noEngine(EngineEndpoint endpoint, String reason, String hint) {
        return "no Docker engine at " + endpoint.host() + ": " + reason + " — start dockerd or " + hint;
    }
}
