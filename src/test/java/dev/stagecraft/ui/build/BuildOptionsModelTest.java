package dev.stagecraft.ui.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.stagecraft.dockerfile.model.StageGraph;
import dev.stagecraft.project.BuildSettings;
import dev.stagecraft.engine.session.BuildOptions;
import dev.stagecraft.engine.session.BuilderKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Build tab's options form following the document; no display. */
class BuildOptionsModelTest {
    private static final String TWO_STAGES = BuildViewModelTest.TWO_STAGES;

    private final BuildOptionsModel options = new BuildOptionsModel();

    @Test
    void followsTheGraphTargetAndPrefillsArgs() {
        options.setGraph(StageGraph.parse(TWO_STAGES));
        assertEquals(List.of("builder", "1"), options.targets());
        assertEquals("1", options.targetProperty().get());
        assertEquals(List.of("VERSION", "LEVEL"), options.args().stream().map(BuildArgRow::name).toList());
        assertEquals("1.0", options.args().get(0).valueProperty().get());

        options.chooseTarget("builder");
        options.args().get(0).valueProperty().set("2.0");
        options.setGraph(StageGraph.parse(TWO_STAGES + "# edited\n"));
        assertEquals("builder", options.targetProperty().get(), "a chosen target survives edits");
        assertEquals("2.0", options.args().get(0).valueProperty().get(), "an edited arg survives edits");

        BuildOptions o = options.options(Path.of("/ctx"), Path.of("/ctx/Dockerfile"), TWO_STAGES);
        assertEquals("builder", o.target());
        assertEquals(Map.of("VERSION", "2.0"), o.buildArgs(), "unchanged defaults are not sent");
        assertEquals(BuilderKind.BUILDKIT, o.builder());
    }

    @Test
    void chosenContextPlatformTagsAndLabelsGoIntoTheOptions() {
        options.setGraph(StageGraph.parse(TWO_STAGES));
        BuildOptions plain = options.options(Path.of("/src"), Path.of("/src/Dockerfile"), TWO_STAGES);
        assertEquals(Path.of("/src"), plain.context(), "the Dockerfile's folder by default");
        assertNull(plain.platform());
        assertEquals(List.of(), plain.tags());
        options.contextDirProperty().set(Path.of("/elsewhere"));
        options.platformProperty().set(" linux/arm64 ");
        options.tagsProperty().set("app:1, app:latest  registry.local/app");
        options.labelsProperty().set("org.opencontainers.image.source=https://x/y,team=a=b flag");
        BuildOptions o = options.options(Path.of("/src"), Path.of("/src/Dockerfile"), TWO_STAGES);
        assertEquals(Path.of("/elsewhere"), o.context());
        assertEquals(Path.of("/src/Dockerfile"), o.dockerfile(), "the Dockerfile may lie outside the context");
        assertEquals("linux/arm64", o.platform());
        assertEquals(List.of("app:1", "app:latest", "registry.local/app"), o.tags());
        assertEquals(Map.of("org.opencontainers.image.source", "https://x/y", "team", "a=b", "flag", ""), o.labels(),
                "key=value, the value may hold '='; a key alone has an empty value");
    }

    @Test
    void restoredOptionsApplyToArgsTheFileDeclaresAndAChosenTargetItHas() {
        options.setGraph(StageGraph.parse(TWO_STAGES));
        BuildSettings remembered = new BuildSettings("classic", Map.of("LEVEL", "3", "LATER", "x"), true, false,
                "linux/arm64", List.of("a:1", "a:2"), Map.of("k", "v", "flag", ""), "/ctx");
        options.restore(remembered);
        assertEquals(BuilderKind.CLASSIC, options.builderProperty().get());
        assertEquals("a:1 a:2", options.tagsProperty().get());
        assertEquals(Map.of("LEVEL", "3"), options.changedArgs());
        options.setGraph(StageGraph.parse(TWO_STAGES + "ARG LATER\n"));
        assertEquals(Map.of("LEVEL", "3", "LATER", "x"), options.changedArgs(), "an ARG typed later gets its value");
        assertEquals(Path.of("/ctx"), options.options(Path.of("/src"), Path.of("/src/Dockerfile"), TWO_STAGES).context());
        assertEquals(remembered, options.settings(), "what is restored is what is remembered");
    }

    @Test
    void defaultsRestoreToTheDefaultForm() {
        options.setGraph(StageGraph.parse(TWO_STAGES));
        options.restore(dev.stagecraft.project.BuildSettings.DEFAULT);
        assertEquals("1", options.targetProperty().get());
        assertEquals(BuilderKind.BUILDKIT, options.builderProperty().get());
        assertNull(options.contextDirProperty().get());
        assertEquals(Map.of(), options.changedArgs());
    }
}
