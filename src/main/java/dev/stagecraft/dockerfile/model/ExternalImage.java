package dev.stagecraft.dockerfile.model;

import dev.stagecraft.dockerfile.syntax.Instruction;
import dev.stagecraft.dockerfile.syntax.TextRange;

/**
 * An image that is not a stage, used by stage {@code to} through {@code COPY --from=<image>} or a
 * {@code RUN --mount from=<image>}. {@code image} is resolved from meta ARGs. Immutable.
 */
public record ExternalImage(String image, int to, EdgeKind kind, Instruction instruction, TextRange referenceRange,
                            String label) {
    public int line() {
        return instruction.line();
    }
}
