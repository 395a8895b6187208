package dev.stagecraft.engine.image;

import java.io.IOException;

/** The engine has no image by that name or id. Its message is the one line a user sees. */
public final class ImageNotFoundException extends IOException {
    public ImageNotFoundException(String image) {
        super("no such image: " + image);
    }
}
