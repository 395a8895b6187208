package dev.stagecraft.engine.build;

import java.util.List;

class BuildKitBuilderTest extends BuilderContract {
    @Override
    ImageBuilder builder() {
        return new BuildKitBuilder(engine.http());
    }

    @Override
    List<String> stageImagesOf(BuildResult result, BuildRequest request, TarSource context, BuildListener listener)
            throws Exception {
        return List.copyOf(StageImages.build(builder(), request, List.of("builder", "final"), context, listener)
                .values());
    }
}
