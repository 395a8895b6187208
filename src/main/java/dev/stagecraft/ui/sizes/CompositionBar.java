package dev.stagecraft.ui.sizes;

import dev.stagecraft.engine.ByteSize;
import dev.stagecraft.report.layers.Composition;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The final image's bytes as one bar in three parts: its base, what it copied from other stages,
 * what its own instructions made (classes {@code .part-base}, {@code .part-copied},
 * {@code .part-own}); each part's length is its share, at least 2 px when it has any bytes.
 * FX thread only.
 */
final class CompositionBar extends HBox {
    static final double WIDTH = 160;

    CompositionBar() {
        getStyleClass().add("composition-bar");
        setMinWidth(WIDTH);
        setPrefWidth(WIDTH);
        setMaxWidth(WIDTH);
        setPrefHeight(12);
        setMaxHeight(12);
    }

    void show(Composition c) {
        getChildren().clear();
        if (c == null) {
            return;
        }
        long total = c.base() + c.copied() + c.own();
        part("part-base", "base image", c.base(), total);
        part("part-copied", "copied from other stages", c.copied(), total);
        part("part-own", "its own instructions", c.own(), total);
    }

    private void part(String style, String what, long bytes, long total) {
        if (bytes <= 0 || total <= 0) {
            return;
        }
        Region r = new Region();
        r.getStyleClass().add(style);
        double w = Math.max(2, WIDTH * bytes / total);
        r.setMinWidth(w);
        r.setPrefWidth(w);
        r.setMaxWidth(w);
        r.setPrefHeight(12);
        Tooltip.install(r, new Tooltip(what + ": " + ByteSize.format(bytes)));
        getChildren().add(r);
    }
}
