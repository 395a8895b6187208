package dev.stagecraft.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.build.BuildEvent;
import dev.stagecraft.engine.session.BuildOutcome.Status;
import dev.stagecraft.testing.DockerEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A failing step is reported at its Dockerfile line, with both builders on the real engine, in
 * the files where matching by text failed: a RUN whose variables BuildKit expands in the step's
 * name, a failing stage that is not the target, an unnamed stage, the same text twice, and a base
 * image whose ONBUILD triggers take step numbers. (dockerd 20.10's own Dockerfile frontend has no
 * heredocs and the docker/dockerfile frontend can't be pulled here, so heredocs are covered by
 * FailureLocatorTest only.)
 */
@Tag("docker")
class FailureLocatorEngineTest {
    private static final String ONBUILD_BASE = "stagecraft-test/onbuild:locator";

    @TempDir
    static Path dir;
    private static Engine engine;

    @BeforeAll
    static void engine() throws Exception {
        engine = DockerEngine.require();
        Path base = Files.createDirectories(dir.resolve("onbuild-base"));
        Files.writeString(base.resolve("Dockerfile"), "FROM " + DockerEngine.BUSYBOX
                + "\nONBUILD RUN echo trigger one\nONBUILD RUN echo trigger two\n");
        DockerEngine.cli("build", "-q", "-t", ONBUILD_BASE, base.toString());
    }

    @AfterAll
    static void close() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    /** Builds {@code dockerfile} (which must fail) and returns how the session ended. */
    private static BuildOutcome failedBuild(BuilderKind kind, String dockerfile, String target) throws Exception {
        Path ctx = Files.createDirectories(dir.resolve(kind + "-" + UUID.randomUUID()));
        Files.writeString(ctx.resolve("Dockerfile"), dockerfile);
        List<BuildEvent> events = new CopyOnWriteArrayList<>();
        BuildOutcome o = new BuildSession(engine, BuildOptions.of(ctx.resolve("Dockerfile")).withBuilder(kind)
                .withTarget(target), events::add).run();
        assertEquals(Status.FAILED, o.status(), o.message() + "\n" + events);
        System.out.printf("FailureLocatorEngineTest %s: %s%n", kind, o.message());
        return o;
    }

    private static void locatedAt(BuildOutcome o, int line, String instruction) {
        assertEquals(Integer.valueOf(line), o.failedLine(), o.message());
        assertTrue(o.message().startsWith("build failed at Dockerfile:" + line + " (" + instruction + "): "),
                o.message());
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void aRunWithVariablesInAStageTheTargetNeeds(BuilderKind kind) throws Exception {
        BuildOutcome o = failedBuild(kind, """
                ARG BASE=stagecraft-test/busybox
                FROM ${BASE} AS base
                ENV GREETING=hello
                ARG WHO=world
                WORKDIR /
                WORKDIR /app
                RUN echo "$GREETING $WHO" > greeting
                RUN echo $GREETING $WHO && exit 3
                FROM scratch AS final
                COPY --from=base /app /app
                """, null);
        locatedAt(o, 8, "RUN echo $GREETING $WHO && exit 3");
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void anUnnamedStage(BuilderKind kind) throws Exception {
        BuildOutcome o = failedBuild(kind, """
                FROM stagecraft-test/busybox
                ARG N=7
                RUN echo $N && exit $N
                FROM stagecraft-test/busybox
                COPY --from=0 /etc/passwd /p
                """, null);
        locatedAt(o, 3, "RUN echo $N && exit $N");
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void aTargetThatIsNotTheLastStage(BuilderKind kind) throws Exception {
        BuildOutcome o = failedBuild(kind, """
                FROM stagecraft-test/busybox AS deps
                ENV V=5
                RUN exit $V
                FROM deps AS app
                RUN echo app
                FROM scratch
                COPY --from=app /bin/busybox /b
                """, "app");
        locatedAt(o, 3, "RUN exit $V");
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void theSameTextTwice(BuilderKind kind) throws Exception {
        BuildOutcome o = failedBuild(kind, """
                FROM stagecraft-test/busybox
                RUN test ! -e /m && touch /m
                RUN test ! -e /m && touch /m
                """, null);
        locatedAt(o, 3, "RUN test ! -e /m && touch /m");
    }

    @ParameterizedTest
    @EnumSource(BuilderKind.class)
    void aBaseWithOnbuildTriggers(BuilderKind kind) throws Exception {
        BuildOutcome o = failedBuild(kind, "FROM " + ONBUILD_BASE + " AS app\nWORKDIR /\nENV X=4\nRUN echo one\n"
                + "RUN exit $X\n", null);
        locatedAt(o, 5, "RUN exit $X");
    }
}
