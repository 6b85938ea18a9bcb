package org.opackiosk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The house rules of the UI code, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.opackiosk.app");

    @Test
    void viewModelsNeverTouchANode() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "javafx.stage..")
                .because("a view model is tested without a scene; views bind to it (house-style: MVVM)")
                .check(APP);
    }

    @Test
    void nothingWritesToTheConsole() {
        noClasses().should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .because("logs go through SLF4J")
                .check(APP);
    }

    @Test
    void screensDoNotCallTheCirculationServer() {
        noClasses().that().haveSimpleNameEndingWith("Screen")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.opackiosk.core.circulation.CirculationService")
                .because("network calls belong in view models, which run them on a worker")
                .check(APP);
    }
}
