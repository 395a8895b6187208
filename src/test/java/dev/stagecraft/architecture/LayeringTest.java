package dev.stagecraft.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layer table of ARCHITECTURE.md: each package imports only the layers its row allows, and
 * the libraries stay where they belong (JavaFX in ui and app, docker-java in engine, picocli in
 * cli). {@code lint} does not exist yet; its rule is written for when it does.
 */
class LayeringTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stagecraft");

    private static final String[] DOCKERFILE = {"Dockerfile files", "Syntax", "Model", "Edit"};

    private static String[] with(String[] layers, String... more) {
        String[] out = java.util.Arrays.copyOf(layers, layers.length + more.length);
        System.arraycopy(more, 0, out, layers.length, more.length);
        return out;
    }

    @Test
    void eachLayerUsesOnlyTheLayersItsRowAllows() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                // dev.stagecraft.dockerfile itself: reading a file as a Dockerfile (JDK only, like syntax)
                .layer("Dockerfile files").definedBy("dev.stagecraft.dockerfile")
                .layer("Syntax").definedBy("dev.stagecraft.dockerfile.syntax..")
                .layer("Model").definedBy("dev.stagecraft.dockerfile.model..")
                .layer("Edit").definedBy("dev.stagecraft.dockerfile.edit..")
                .optionalLayer("Lint").definedBy("dev.stagecraft.lint..")
                .layer("Engine").definedBy("dev.stagecraft.engine..")
                .layer("Report").definedBy("dev.stagecraft.report..")
                .layer("Project").definedBy("dev.stagecraft.project..")
                .layer("Cli").definedBy("dev.stagecraft.cli..")
                .layer("Ui").definedBy("dev.stagecraft.ui..")
                .layer("App").definedBy("dev.stagecraft.app..")
                .whereLayer("Dockerfile files").mayNotAccessAnyLayer()
                .whereLayer("Syntax").mayNotAccessAnyLayer()
                .whereLayer("Model").mayOnlyAccessLayers("Syntax")
                .whereLayer("Edit").mayOnlyAccessLayers("Syntax", "Model")
                .whereLayer("Lint").mayOnlyAccessLayers(DOCKERFILE)
                .whereLayer("Engine").mayOnlyAccessLayers(DOCKERFILE)
                .whereLayer("Report").mayOnlyAccessLayers(with(DOCKERFILE, "Engine"))
                .whereLayer("Project").mayOnlyAccessLayers(with(DOCKERFILE, "Lint", "Engine", "Report"))
                .whereLayer("Cli").mayOnlyAccessLayers(with(DOCKERFILE, "Lint", "Engine", "Report", "Project", "App"))
                .check(MAIN);
    }

    @Test
    void onlyUiAndAppImportJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.stagecraft.ui..", "dev.stagecraft.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(MAIN);
    }

    @Test
    void theDockerfileLayersUseOnlyTheJdk() {
        noClasses().that().resideInAPackage("dev.stagecraft.dockerfile..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stagecraft.dockerfile..", "java..")
                .check(MAIN);
    }

    @Test
    void syntaxUsesOnlyTheJdk() {
        noClasses().that().resideInAPackage("dev.stagecraft.dockerfile.syntax..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stagecraft.dockerfile.syntax..", "java..")
                .check(MAIN);
    }

    @Test
    void lintUsesOnlyTheDockerfileLayersTheJdkAndJacksonForItsFiles() {
        noClasses().that().resideInAPackage("dev.stagecraft.lint..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stagecraft.lint..",
                        "dev.stagecraft.dockerfile..", "java..", "com.fasterxml.jackson..")
                .check(MAIN);
    }

    @Test
    void lintRulesThemselvesUseOnlyTheDockerfileLayersAndTheJdk() {
        // Jackson reads .hadolint.yaml (LintConfig) and writes JSON/SARIF (lint.output); rules never touch it
        noClasses().that().resideInAPackage("dev.stagecraft.lint..")
                .and().resideOutsideOfPackage("dev.stagecraft.lint.output..")
                .and().doNotHaveSimpleName("LintConfig")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .check(MAIN);
    }

    @Test
    void onlyTheEngineTalksToDocker() {
        noClasses().that().resideOutsideOfPackage("dev.stagecraft.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..")
                .check(MAIN);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.stagecraft.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..")
                .check(MAIN);
    }

    @Test
    void diagramsUseOnlyTheDockerfileModel() {
        noClasses().that().resideInAPackage("dev.stagecraft.diagram..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stagecraft.diagram..",
                        "dev.stagecraft.dockerfile..", "java..")
                .check(MAIN);
    }
}
