package dev.stagecraft.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.engine.Engine;
import dev.stagecraft.testing.DockerEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("docker")
class ImageReaderTest {
    @TempDir
    static Path dir;

    @Test
    void probe() throws Exception {
        try (Engine engine = DockerEngine.require()) {
            String id = TestImages.build(dir, "stagecraft-test/layers-cases", TestImages.CASES, true);
            ImageContent img = new ImageReader(engine).read("stagecraft-test/layers-cases", ReadControl.plain());
            for (ImageLayer l : img.layers()) {
                System.out.println(l.index() + " " + l.size() + " sym=" + l.symlinksCounted() + " files=" + l.content().fileBytes() + " syml=" + l.content().symlinkBytes() + " " + l.createdBy());
                if (l.index() > 0) l.content().entries().forEach(e -> System.out.println("   " + e));
            }
            assertEquals(id, img.id());
            System.out.println(TestImages.historySizes(id));
        }
    }
}
