package dev.stagecraft.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildKitBuilderTest extends BuilderContract {
    @Override
    ImageBuilder builder() {
        return new BuildKitBuilder(engine);
    }

    @Override
    List<String> stageImagesOf(BuildResult result, BuildRequest request, TarSource context, BuildListener listener)
            throws Exception {
        return List.copyOf(StageImages.build(builder(), request, List.of("builder", "final"), context, listener)
                .values());
    }

    @Test
    void anUnnamedStageIsBuiltFromACopyOfTheDockerfileThatNamesIt() throws Exception {
        String nonce = nonce();
        String text = "FROM stagecraft-test/busybox\nRUN echo " + nonce + " > /a\nFROM scratch\nCOPY --from=0 /a /a\n";
        String named = text.replaceFirst("FROM stagecraft-test/busybox", "FROM stagecraft-test/busybox AS stage-0");
        TarSource context = TestContext.of("Dockerfile", text);
        BuildResult r = builder().build(BuildRequest.of(null), context, BuildListener.none());
        assertTrue(r.success(), r.error());
        // BuildKit cannot target a stage by index
        BuildResult byIndex = builder().build(BuildRequest.of(null).withTarget("0"), context, BuildListener.none());
        assertFalse(byIndex.success());
        assertTrue(byIndex.error().contains("target stage 0 could not be found"), byIndex.error());

        Recorder rec = new Recorder();
        Map<String, String> images = StageImages.build(builder(), BuildRequest.of(".stagecraft/Dockerfile"),
                List.of("stage-0"), new ContextWithFile(context, ".stagecraft/Dockerfile", named), rec);
        String stage0 = images.get("stage-0");
        var base = engine.docker().inspectImageCmd("stagecraft-test/busybox").exec();
        assertEquals(base.getRootFS().getLayers().size() + 1,
                engine.docker().inspectImageCmd(stage0).exec().getRootFS().getLayers().size());
        // the names are no part of the cache keys: the RUN is not run again
        assertTrue(rec.indexOf(e -> e instanceof BuildEvent.StepCached c && c.instruction().startsWith("RUN echo "))
                >= 0, rec.dump());
        assertEquals(-1, rec.indexOf(e -> e instanceof BuildEvent.StepStarted s && s.instruction().startsWith("RUN ")),
                rec.dump());
    }
}
