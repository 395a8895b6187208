package dev.stagecraft.engine.build;

import java.util.List;

class ClassicBuilderTest extends BuilderContract {
    @Override
    ImageBuilder builder() {
        return new ClassicBuilder(engine);
    }

    @Override
    List<String> stageImagesOf(BuildResult result, BuildRequest request, TarSource context, BuildListener listener) {
        return List.copyOf(result.stageImages().values());
    }
}
