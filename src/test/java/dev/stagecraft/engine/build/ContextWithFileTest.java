package dev.stagecraft.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

/** The context tar with the editor's Dockerfile put in: what is replaced, and what a broken context does. */
class ContextWithFileTest {
    private static byte[] tar(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(namesAndContents[i]);
                e.setSize(content.length);
                out.putArchiveEntry(e);
                out.write(content);
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void replacesTheFileAndKeepsTheRest() throws IOException {
        byte[] base = tar("app.txt", "app", "Dockerfile", "FROM old");
        List<String> seen = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(
                new ContextWithFile(() -> new ByteArrayInputStream(base), "Dockerfile", "FROM new").open())) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                seen.add(e.getName() + "=" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("app.txt=app", "Dockerfile=FROM new"), seen);
    }

    @Test
    void aContextThatFailsToReadFailsTheStreamInsteadOfEndingIt() throws IOException {
        byte[] base = tar("big.bin", "x".repeat(100_000));
        TarSource broken = () -> new InputStream() {
            private final InputStream in = new ByteArrayInputStream(base, 0, 20_000);

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("file vanished");
                }
                return b;
            }
        };
        InputStream sent = new ContextWithFile(broken, "Dockerfile", "FROM x").open();
        assertThrows(IOException.class, sent::readAllBytes,
                "a tar cut short would reach the engine as a context without its Dockerfile");
    }
}
