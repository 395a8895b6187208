package dev.stagecraft.dockerfile.model;

import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.dockerfile.syntax.TextRange;
import java.util.List;

/**
 * One build stage: from its FROM up to the next FROM. {@code name} is lower-cased (null if the
 * stage has no {@code AS}); {@code base} is the image as written, {@code baseResolved} after
 * meta-ARG substitution; {@code baseStage} is the index of the earlier stage it builds on, if
 * any. {@code instructions} includes the FROM. {@code nameRange} and {@code baseRange} locate the
 * name and base words in the text (null when absent). Immutable.
 */
public record Stage(int index, String name, String base, String baseResolved, Integer baseStage, String platform,
                    TextRange range, TextRange nameRange, TextRange baseRange, List<Instruction> instructions) {

    public Instruction from() {
        return instructions.get(0);
    }

    public int line() {
        return range.line();
    }

    public int endLine() {
        return range.endLine();
    }

    public int instructionCount() {
        return instructions.size();
    }

    /** The name users see: the stage name, or {@code #index} for an unnamed stage. */
    public String displayName() {
        return name != null ? name : "#" + index;
    }

    /** How other instructions can refer to this stage: its name, else its index. */
    public String reference() {
        return name != null ? name : Integer.toString(index);
    }
}
