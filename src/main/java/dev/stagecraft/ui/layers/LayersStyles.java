package dev.stagecraft.ui.layers;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The stylesheet of the Layers tab, file trees, comparisons and the Sizes tab's composition, as a
 * {@code data:} URI: JavaFX parses it from memory when a view first shows, so showing a tab never
 * reads a file on the FX thread. Colours are looked-up variables so themes can swap them.
 */
public final class LayersStyles {
    private static final String CSS = """
            /* Layers tab, file trees and comparisons. Colours are looked-up variables so themes can swap them. */
            .layers-view, .compare-view {
                -layers-added: #2e7d32;
                -layers-modified: #8a6d00;
                -layers-removed: #b3261e;
                -layers-wasted-bg: rgba(230, 120, 0, 0.18);
            }

            .layers-note {
                -fx-font-weight: bold;
            }

            .file-tree .tree-table-row-cell:added .text {
                -fx-fill: -layers-added;
            }

            .file-tree .tree-table-row-cell:modified .text {
                -fx-fill: -layers-modified;
            }

            .file-tree .tree-table-row-cell:removed .text {
                -fx-fill: -layers-removed;
                -fx-strikethrough: true;
            }

            .file-tree .tree-table-row-cell:wasted {
                -fx-background-color: -layers-wasted-bg;
            }

            .file-tree .tree-table-row-cell:wasted:selected {
                -fx-background-color: -fx-selection-bar;
            }

            .composition-bar .part-base { -fx-background-color: #9e9e9e; }
            .composition-bar .part-copied { -fx-background-color: #42a5f5; }
            .composition-bar .part-own { -fx-background-color: #ef8f3b; }

            .size-changes .label {
                -fx-font-family: monospace;
            }
            """;

    /** The stylesheet's URI, for {@code getStylesheets().add(...)}. */
    public static final String URI = "data:text/css;base64,"
            + Base64.getEncoder().encodeToString(CSS.getBytes(StandardCharsets.UTF_8));

    private LayersStyles() {
    }
}
