package dev.stagecraft.ui;

import java.util.function.Consumer;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer first enters their control, not with the window: a tooltip is a
 * popup window of its own, and the first frame's twenty or so cost the launch ~30 ms of the FX
 * thread for popups most of which never show. The text is the control's accessible help at once
 * (what a screen reader reads from a tooltip). FX thread only.
 */
public final class Tips {
    private Tips() {
    }

    /** Gives {@code control} the tooltip {@code text} when the pointer first enters it. */
    public static void lazy(Control control, String text) {
        lazy(control, text, tip -> { });
    }

    /**
     * Gives {@code control} a tooltip with {@code text} when the pointer first enters it, handing it
     * to {@code made} first (to bind its text, say).
     */
    public static void lazy(Control control, String text, Consumer<Tooltip> made) {
        if (text != null) {
            control.setAccessibleHelp(text);
        }
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, new javafx.event.EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    Tooltip tip = new Tooltip(text);
                    made.accept(tip);
                    control.setTooltip(tip);
                }
            }
        });
    }
}
