package dev.stagecraft.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.dockerfile.model.GraphOptions;
import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.dockerfile.syntax.DockerfileParser;
import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.engine.build.BuildEvent;
import dev.stagecraft.engine.build.VertexName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Steps located by stage and number, with step names as dockerd 20.10 printed them for these
 * files (BuildKit expands variables in them) and, where marked, as later BuildKit versions print
 * them (ONBUILD triggers counted in the total, heredocs).
 */
class FailureLocatorTest {
    /** Lines: 1 ARG, 2 FROM base, ..., 10 RUN with variables, 11 COPY, 13 RUN, 15 COPY --from, 17 RUN. */
    private static final String MANY = """
            ARG BASE=stagecraft-test/busybox
            FROM ${BASE} AS base
            ENV GREETING=hello
            ARG WHO=world
            LABEL a=b
            WORKDIR /
            WORKDIR /app
            USER root
            EXPOSE 80
            RUN echo $GREETING $WHO
            COPY Dockerfile /x
            FROM base AS mid
            RUN echo mid
            FROM scratch AS empty
            COPY --from=base /app /app
            FROM stagecraft-test/busybox
            RUN echo $((1+1)) && exit 3
            """;

    private static StageGraph graph(String text) {
        return StageGraph.of(DockerfileParser.parse(text), new GraphOptions(null, Map.of(), null));
    }

    private static Optional<Integer> buildKit(String text, String vertex) {
        VertexName n = VertexName.parse(vertex);
        BuildEvent.StepFailed step = new BuildEvent.StepFailed(n.stage(), n.step(), n.total(), n.instruction(), "d",
                "exit code: 1", List.of());
        return FailureLocator.locate(graph(text), BuilderKind.BUILDKIT, step).map(Instruction::line);
    }

    private static Optional<Integer> classic(String text, String stage, int step, int total, String instruction) {
        BuildEvent.StepFailed s = new BuildEvent.StepFailed(stage, step, total, instruction, "step-" + step, "x",
                List.of());
        return FailureLocator.locate(graph(text), BuilderKind.CLASSIC, s).map(Instruction::line);
    }

    @Test
    void buildKitStepsAreFoundByStageAndNumberEvenWithExpandedVariables() {
        assertEquals(Optional.of(10), buildKit(MANY, "[base 3/5] RUN echo hello world"));
        assertEquals(Optional.of(2), buildKit(MANY, "[base 1/5] FROM docker.io/stagecraft-test/busybox"));
        // WORKDIR / counts in the total but has no step: WORKDIR /app is step 2
        assertEquals(Optional.of(7), buildKit(MANY, "[base 2/5] WORKDIR /app"));
        assertEquals(Optional.of(11), buildKit(MANY, "[base 4/5] COPY Dockerfile /x"));
        // FROM <stage> and FROM scratch are no step
        assertEquals(Optional.of(13), buildKit(MANY, "[mid 1/1] RUN echo mid"));
        assertEquals(Optional.of(15), buildKit(MANY, "[empty 1/1] COPY --from=base /app /app"));
        // an unnamed stage, by BuildKit's name for it and by the name the session gives it
        assertEquals(Optional.of(17), buildKit(MANY, "[stage-3 2/2] RUN echo $((1+1)) && exit 3"));
        assertEquals(Optional.of(17), buildKit(MANY, "[stagecraft-stage-3 2/2] RUN echo $((1+1)) && exit 3"));
        assertEquals(Optional.of(17), buildKit(MANY, "[linux/amd64 stage-3 2/2] RUN echo $((1+1)) && exit 3"));
    }

    @Test
    void classicStepsCountTheWholeFileWithoutExpanding() {
        assertEquals(Optional.of(10), classic(MANY, "base", 10, 17, "RUN echo $GREETING $WHO"));
        assertEquals(Optional.of(17), classic(MANY, "stage-3", 17, 17, "RUN echo $((1+1)) && exit 3"));
        assertEquals(Optional.of(1), classic(MANY, null, 1, 17, "ARG BASE=stagecraft-test/busybox"));
    }

    @Test
    void theSameTextTwiceIsToldApartByItsNumber() {
        String text = "FROM stagecraft-test/busybox\nRUN test ! -e /m && touch /m\nRUN test ! -e /m && touch /m\n";
        assertEquals(Optional.of(2), buildKit(text, "[2/3] RUN test ! -e /m && touch /m"));
        assertEquals(Optional.of(3), buildKit(text, "[3/3] RUN test ! -e /m && touch /m"));
        assertEquals(Optional.of(3), classic(text, null, 3, 3, "RUN test ! -e /m && touch /m"));
    }

    @Test
    void onbuildTriggersOfTheBaseShiftTheNumbersAndTheTextDecides() {
        String text = "FROM stagecraft-test/onbuild AS app\nWORKDIR /\nENV X=4\nRUN echo one\nRUN exit $X\n";
        // dockerd 20.10: two triggers take numbers 2 and 3 but are not in the total
        assertEquals(Optional.of(5), buildKit(text, "[app 5/4] RUN exit 4"));
        assertEquals(Optional.of(4), buildKit(text, "[app 4/4] RUN echo one"));
        assertEquals(Optional.empty(), buildKit(text, "[app 2/4] RUN echo trigger1"));
        // later BuildKit: the triggers are in the total too
        assertEquals(Optional.of(5), buildKit(text, "[app 5/6] RUN exit 4"));
    }

    @Test
    void aHeredocStepIsFoundByItsNumber() {
        String text = "FROM stagecraft-test/busybox AS b\nARG N=2\nRUN <<EOT\nset -e\nexit $N\nEOT\nRUN echo after\n";
        assertEquals(Optional.of(3), buildKit(text, "[b 2/3] RUN <<EOT"));
        assertEquals(Optional.of(7), buildKit(text, "[b 3/3] RUN echo after"));
    }

    @Test
    void copyWithVariablesAndFlagsMatches() {
        String text = "FROM stagecraft-test/busybox AS b\nARG SRC=app\nCOPY --chown=1:1 ${SRC} /dst/$SRC\n";
        assertEquals(Optional.of(3), buildKit(text, "[b 2/2] COPY --chown=1:1 app /dst/app"));
    }

    @Test
    void whatNoStageOrStepAnswersToIsNotLocated() {
        assertEquals(Optional.empty(), buildKit(MANY, "[nosuch 1/1] RUN echo mid"));
        assertEquals(Optional.empty(), buildKit(MANY, "[internal] load build definition from Dockerfile"));
        assertEquals(Optional.empty(), buildKit(MANY, "[mid 1/1] COPY other thing"));
    }
}
