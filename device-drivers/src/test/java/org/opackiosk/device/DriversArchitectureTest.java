package org.opackiosk.device;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** house-style "Devices": the protocol classes are pure; one adapter per device touches its library. */
@AnalyzeClasses(packages = "org.opackiosk.device", importOptions = ImportOption.DoNotIncludeTests.class)
class DriversArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheTransportAdaptersImportJSerialComm = noClasses()
            .that().doNotHaveSimpleName("JSerialCommLink").and().doNotHaveSimpleName("SerialPrinterLink")
            .should().dependOnClassesThat().resideInAPackage("com.fazecast..");

    @ArchTest
    static final ArchRule onlyTheGpioAdaptersImportPi4J = noClasses()
            .that().doNotHaveSimpleName("GpioIndicator").and().doNotHaveSimpleName("GpioStaffKey").and().doNotHaveSimpleName("DeviceSet")
            .should().dependOnClassesThat().resideInAPackage("com.pi4j..");

    @ArchTest
    static final ArchRule protocolClassesArePure = noClasses()
            .that().haveSimpleName("ScanFrameParser").or().haveSimpleName("EscPosEncoder").or().haveSimpleName("MjpegSplitter")
            .or().haveSimpleName("EscPosStatus")
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..", "org.slf4j..", "com.fazecast..",
                    "com.pi4j..")
            .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.(File.*|InputStream|OutputStream|Reader|Writer)")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
            .because("parsers and encoders are tested byte for byte, without I/O");

    @ArchTest
    static final ArchRule noConsoleOutput = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule driversDoNotKnowTheApp = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.opackiosk.app..", "javafx..");
}
