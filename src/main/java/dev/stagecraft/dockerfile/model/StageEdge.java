package dev.stagecraft.dockerfile.model;

import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.dockerfile.syntax.TextRange;

/**
 * Stage {@code to} uses stage {@code from}. {@code instruction} is the FROM, COPY or RUN that
 * makes the edge, {@code referenceRange} the written reference (base word, {@code --from} value
 * or mount {@code from=} value; null when it cannot be located), {@code label} a short
 * description such as the copied path. Immutable.
 */
public record StageEdge(int from, int to, EdgeKind kind, Instruction instruction, TextRange referenceRange,
                        String label) {
    public int line() {
        return instruction.line();
    }
}
