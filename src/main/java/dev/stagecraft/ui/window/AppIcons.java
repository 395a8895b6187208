package dev.stagecraft.ui.window;

import java.util.List;
import javafx.scene.control.Dialog;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The application icon (icons/stagecraft.svg rendered at 16–512 px) on the window and every
 * dialog. The PNGs are decoded in the background (the icons appear when ready), never on the FX
 * thread. FX thread only.
 */
final class AppIcons {
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256, 512};
    private static List<Image> images;

    private AppIcons() {
    }

    static List<Image> images() {
        if (images == null) {
            java.util.ArrayList<Image> list = new java.util.ArrayList<>();
            for (int size : SIZES) {
                var url = AppIcons.class.getResource("/dev/stagecraft/icons/stagecraft-" + size + ".png");
                if (url != null) {
                    list.add(new Image(url.toExternalForm(), true));
                }
            }
            images = List.copyOf(list);
        }
        return images;
    }

    static void apply(Stage stage) {
        stage.getIcons().setAll(images());
    }

    /** Gives a dialog the owner's icons (a dialog's window exists once it has a scene). */
    static <T extends Dialog<?>> T on(T dialog, Window owner) {
        dialog.initOwner(owner);
        if (dialog.getDialogPane().getScene().getWindow() instanceof Stage s) {
            s.getIcons().setAll(images());
        }
        return dialog;
    }
}
