package dev.stagecraft.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fxmisc.richtext.model.PlainTextChange;

/**
 * Underlines follow edits ({@link Underline#shift}) as a plain reading of the rule says: each
 * one mapped on its own (before the change it stays, after it moves, cut into it keeps what is
 * left, removed whole it goes), then the whole list sorted. The shift sorts only what the change
 * put out of order; this checks it against the full sort, on lists dense with ties (same ranges,
 * different classes) around edits that cut into them.
 */
class UnderlineShiftProperties {
    private static final String[] CLASSES = {"finding-error", "finding-warning", "finding-info", "finding-style",
        "diagnostic-error", "diagnostic-warning"};

    @Property(tries = 500)
    void shiftingEqualsMappingEachThenSortingAll(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int count) {
        Random r = new Random(seed);
        int length = 400;
        List<Underline> drawn = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int start = r.nextInt(length);
            int end = Math.min(length, start + 1 + r.nextInt(r.nextBoolean() ? 4 : 40));
            drawn.add(new Underline(start, end, CLASSES[r.nextInt(CLASSES.length)]));
        }
        drawn.sort(Underline.ORDER);
        int at = r.nextInt(length);
        int removed = r.nextInt(4) == 0 ? 0 : r.nextInt(Math.min(60, length - at) + 1);
        String inserted = r.nextInt(3) == 0 ? "" : "x".repeat(r.nextInt(30));
        PlainTextChange c = new PlainTextChange(at, "r".repeat(removed), inserted);

        List<Underline> expected = new ArrayList<>();
        for (Underline u : drawn) {
            int s = u.start() < at ? u.start() : u.start() >= at + removed ? u.start() + inserted.length() - removed
                    : at + inserted.length();
            int e = u.end() < at ? u.end() : u.end() >= at + removed ? u.end() + inserted.length() - removed : at;
            if (e > s) {
                expected.add(new Underline(s, e, u.styleClass()));
            }
        }
        expected.sort(Underline.ORDER);
        assertEquals(expected, Underline.shift(drawn, List.of(c)));
    }

    @Property(tries = 300)
    void followingSeveralEditsAtOnceEqualsFollowingThemOneByOne(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 200) int count, @ForAll @IntRange(min = 1, max = 12) int edits) {
        Random r = new Random(seed);
        int length = 300;
        List<Underline> drawn = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int start = r.nextInt(length);
            drawn.add(new Underline(start, Math.min(length, start + 1 + r.nextInt(r.nextBoolean() ? 3 : 30)),
                    CLASSES[r.nextInt(CLASSES.length)]));
        }
        drawn.sort(Underline.ORDER);
        List<PlainTextChange> changes = new ArrayList<>();
        List<Underline> oneByOne = drawn;
        for (int k = 0; k < edits; k++) {
            int at = r.nextInt(length + 1);
            int removed = r.nextInt(3) == 0 ? 0 : r.nextInt(Math.min(40, length - at) + 1);
            String inserted = "y".repeat(r.nextInt(3) == 0 ? 0 : r.nextInt(20));
            PlainTextChange c = new PlainTextChange(at, "r".repeat(removed), inserted);
            changes.add(c);
            oneByOne = Underline.shift(oneByOne, List.of(c));
            length += inserted.length() - removed;
        }
        assertEquals(oneByOne, Underline.shift(drawn, changes));
    }

    @Property(tries = 300)
    void sortingANearlySortedListSortsIt(@ForAll long seed, @ForAll @IntRange(min = 0, max = 200) int count) {
        Random r = new Random(seed);
        List<Underline> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int start = r.nextInt(50);
            list.add(new Underline(start, start + 1 + r.nextInt(5), CLASSES[r.nextInt(CLASSES.length)]));
        }
        list.sort(Underline.ORDER);
        for (int k = 0; k < (r.nextInt(5) == 0 ? count : count / 10); k++) { // a few local disorders and a far one, or chaos
            int i = r.nextInt(Math.max(1, count));
            int j = Math.min(count - 1, i + r.nextInt(4));
            if (count > 1) {
                java.util.Collections.swap(list, i, k == 0 ? count - 1 - i : j);
            }
        }
        List<Underline> expected = new ArrayList<>(list);
        expected.sort(Underline.ORDER);
        Underline.sortNearlySorted(list);
        assertEquals(expected, list);
    }
}
