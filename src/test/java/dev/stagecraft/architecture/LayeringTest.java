package dev.stagecraft.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layers of ARCHITECTURE.md: JavaFX only in ui and app; the Dockerfile layers stand alone. */
class LayeringTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stagecraft");

    @Test
    void onlyUiAndAppImportJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.stagecraft.ui..", "dev.stagecraft.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(MAIN);
    }

    @Test
    void syntaxUsesOnlyTheJdk() {
        noClasses().that().resideInAPackage("dev.stagecraft.dockerfile.syntax..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stagecraft.dockerfile.syntax..", "java..")
                .check(MAIN);
    }

    @Test
    void modelAndEditDependOnNothingAboveThem() {
        noClasses().that().resideInAnyPackage("dev.stagecraft.dockerfile..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.stagecraft.engine..", "dev.stagecraft.report..",
                        "dev.stagecraft.project..", "dev.stagecraft.cli..", "dev.stagecraft.ui..", "dev.stagecraft.app..")
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
