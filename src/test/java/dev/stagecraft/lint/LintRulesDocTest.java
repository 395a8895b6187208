package dev.stagecraft.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/lint-rules.md is the catalog's text; every rule is complete; lint imports only what the layer table allows. */
class LintRulesDocTest {
    private static final Path DOC = Path.of("docs/lint-rules.md");

    @Test
    void ruleReferenceIsInSync() throws Exception {
        if (Boolean.getBoolean("lint.update")) {
            Files.writeString(DOC, RuleReference.markdown());
        }
        assertEquals(Files.readString(DOC), RuleReference.markdown());
    }

    @Test
    void everyRuleIsCompleteAndIdsAreUnique() {
        Set<String> ids = new HashSet<>();
        for (Rule r : Rules.all()) {
            assertTrue(ids.add(r.id().toLowerCase()), "duplicate " + r.id());
            assertFalse(r.name().isBlank() || r.explanation().isBlank() || r.bad().isBlank() || r.good().isBlank(), r.id());
            if (r.refines() != null) {
                assertTrue(Rules.find(r.refines()).isPresent(), r.id() + " refines an unknown rule");
                assertFalse(Rules.find(r.refines()).orElseThrow().inProfile(Profile.STAGECRAFT, Rules.refined()));
            }
        }
        List<String> issueHadolint = List.of("DL3000", "DL3002", "DL3003", "DL3004", "DL3006", "DL3007", "DL3008",
                "DL3009", "DL3013", "DL3014", "DL3015", "DL3016", "DL3018", "DL3019", "DL3020", "DL3021", "DL3022",
                "DL3023", "DL3024", "DL3025", "DL3027", "DL3042", "DL3045", "DL3047", "DL3059", "DL3060", "DL4000",
                "DL4001", "DL4003", "DL4004", "DL4006");
        List<String> issueBuildKit = List.of("StageNameCasing", "FromAsCasing", "NoEmptyContinuation",
                "ConsistentInstructionCasing", "DuplicateStageName", "ReservedStageName", "JSONArgsRecommended",
                "MaintainerDeprecated", "UndefinedArgInFrom", "WorkdirRelativePath", "UndefinedVar",
                "MultipleInstructionsDisallowed", "LegacyKeyValueFormat", "RedundantTargetPlatform",
                "SecretsUsedInArgOrEnv", "InvalidDefaultArgInFrom", "FromPlatformFlagConstDisallowed",
                "ExposeProtoCasing", "ExposeInvalidFormat", "CopyIgnoredFile");
        for (String id : issueHadolint) {
            assertEquals(Rule.Origin.HADOLINT, Rules.find(id).orElseThrow().origin(), id);
        }
        for (String id : issueBuildKit) {
            assertEquals(Rule.Origin.BUILDKIT, Rules.find(id).orElseThrow().origin(), id);
        }
    }

    @Test
    void lintImportsOnlyTheDockerfileLayersTheJdkAndJackson() {
        ArchRuleDefinition.noClasses().that().resideInAPackage("dev.stagecraft.lint..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stagecraft.lint..",
                        "dev.stagecraft.dockerfile..", "java..", "javax..", "com.fasterxml.jackson..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.stagecraft.lint"));
    }
}
