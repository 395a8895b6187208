package dev.stagecraft.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The window icons are on the class path where the window loads them, at the size their name
 * says, with (nearly) transparent corners (the tile is rounded). Made by scripts/make-icons.sh.
 */
class AppIconTest {

    @ParameterizedTest
    @ValueSource(ints = {16, 32, 48, 64, 128, 256, 512})
    void iconResourceHasItsSize(int size) throws Exception {
        String path = "/dev/stagecraft/icons/stagecraft-" + size + ".png";
        try (InputStream in = AppIconTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path + " is not on the class path");
            BufferedImage image = ImageIO.read(in);
            assertNotNull(image, path + " is not a PNG");
            assertEquals(size, image.getWidth(), path);
            assertEquals(size, image.getHeight(), path);
            int corner = image.getRGB(0, 0) >>> 24;
            assertTrue(corner < 16, path + ": top-left corner is not transparent (alpha " + corner + ")");
            int centre = image.getRGB(size / 2, size / 2) >>> 24;
            assertEquals(255, centre, path + ": centre is not opaque");
        }
    }
}
