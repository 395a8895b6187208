package dev.stagecraft.cli;

import dev.stagecraft.engine.Engine;
import dev.stagecraft.engine.image.ImageContent;
import dev.stagecraft.engine.image.ReadControl;
import dev.stagecraft.report.layers.DiffJson;
import dev.stagecraft.report.layers.DiffText;
import dev.stagecraft.report.layers.ImageDiff;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Option;

/** {@code stagecraft diff IMAGE_A IMAGE_B}: how two images' final filesystems differ, file by file. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare the final filesystems of two images on the Docker engine: the paths B adds, "
                + "removes and modifies (size, mode, link target or content differ), and the size change.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the comparison is on stdout (also when the images differ)",
                "1:the engine failed or stopped answering during a read",
                "2:no such image, no Docker engine, or bad input"})
final class DiffCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "IMAGE_A", description = "The image compared from.")
    String imageA;

    @Parameters(index = "1", paramLabel = "IMAGE_B", description = "The image compared to.")
    String imageB;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Override
    public Integer call() throws IOException {
        try (Engine engine = LayersCommand.connect()) {
            if (engine == null) {
                return 2;
            }
            // both exports stream at once: the engine stages and sends them in parallel
            LayersCommand readerA = new LayersCommand();
            LayersCommand readerB = new LayersCommand();
            readerA.sayCancelled = false; // only when the other read failed, which says why
            readerB.sayCancelled = false;
            ReadControl controlA = new ReadControl(true, null);
            ReadControl controlB = new ReadControl(true, null);
            CompletableFuture<ImageContent> b = CompletableFuture.supplyAsync(() -> {
                ImageContent read = readerB.read(engine, imageB, controlB);
                if (read == null) {
                    controlA.cancel(); // one line about B is enough: stop A
                }
                return read;
            });
            ImageContent a = readerA.read(engine, imageA, controlA);
            if (a == null) {
                controlB.cancel();
            }
            ImageContent bb = b.join();
            if (a == null || bb == null) {
                return a == null && !readerA.cancelled() ? readerA.readFailure() : readerB.readFailure();
            }
            ImageDiff diff = ImageDiff.of(a, bb);
            System.out.print(format == Format.json ? DiffJson.render(diff) : DiffText.render(diff));
            System.out.flush();
            return 0;
        }
    }
}
