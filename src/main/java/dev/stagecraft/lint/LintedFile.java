package dev.stagecraft.lint;

import java.util.List;

/** One linted file for the output formats: the path as given, its text and its findings. Immutable. */
public record LintedFile(String path, String text, List<Finding> findings) {
    public LintedFile {
        findings = List.copyOf(findings);
    }
}
