package dev.stagecraft.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildKitQueryTest {
    @Test
    void aPlainBuildSendsOnlyTheDefaults() {
        assertEquals("/build?version=2&rm=1&forcerm=1&buildid=b1&dockerfile=Dockerfile",
                BuildKitQuery.path(BuildRequest.of(null), "b1"));
    }

    @Test
    void everyFlagBecomesTheParameterTheCliSends() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("GO_VERSION", "1.22");
        args.put("EMPTY", "");
        BuildRequest r = BuildRequest.of("docker/app.Dockerfile").withTarget("builder").withBuildArgs(args)
                .withNoCache(true).withPull(true).withPlatform("linux/arm64").withTags(List.of("app:1", "app:latest"))
                .withLabels(Map.of("org.opencontainers.image.title", "a b"));
        assertEquals("/build?version=2&rm=1&forcerm=1&buildid=x&dockerfile=docker%2Fapp.Dockerfile&target=builder"
                + "&buildargs=%7B%22GO_VERSION%22%3A%221.22%22%2C%22EMPTY%22%3A%22%22%7D&nocache=1&pull=1"
                + "&platform=linux%2Farm64&t=app%3A1&t=app%3Alatest"
                + "&labels=%7B%22org.opencontainers.image.title%22%3A%22a+b%22%7D", BuildKitQuery.path(r, "x"));
    }
}
