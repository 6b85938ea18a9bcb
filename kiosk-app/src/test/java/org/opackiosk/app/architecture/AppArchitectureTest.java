package org.opackiosk.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

import org.opackiosk.app.KioskMain;

/**
 * Rules over every module on the kiosk's class path (core, the Koha client, the demo server and the
 * app itself). kioskctl has its own copy of the console rule.
 */
@AnalyzeClasses(packages = "org.opackiosk", importOptions = ImportOption.DoNotIncludeTests.class)
class AppArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheCompositionRootNamesAdapters = noClasses()
            .that().resideInAPackage("org.opackiosk.app..")
            .and().doNotBelongToAnyOf(KioskMain.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.opackiosk.circulation..", "org.opackiosk.demo..", "org.opackiosk.store..", "org.opackiosk.device..")
            .because("screens and view models work through kiosk-core's ports; KioskMain builds the adapters (ADR 0001)");

    @ArchTest
    static final ArchRule adaptersDoNotKnowTheApp = noClasses()
            .that().resideInAnyPackage("org.opackiosk.circulation..", "org.opackiosk.demo..", "org.opackiosk.core..")
            .should().dependOnClassesThat().resideInAPackage("org.opackiosk.app..");

    @ArchTest
    static final ArchRule noConsoleOutputOutsideCommandLines = noClasses()
            .that().resideOutsideOfPackage("..cli..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("everything but command-line output goes through SLF4J");

    @ArchTest
    static final ArchRule viewModelsNeverTouchNodes = noClasses()
            .that().haveNameMatching(".*ViewModel(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("a view model holds state and commands as properties; only its Screen builds and touches nodes"
                    + " (house-style MVVM), so view models are tested without a scene");

    @ArchTest
    static final ArchRule noPrintStackTrace = noClasses().should()
            .callMethod(Throwable.class, "printStackTrace")
            .because("errors are logged once, through SLF4J, where they are handled");
}
