package org.opackiosk.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** kiosk-core is plain Java: the domain and its ports never know which framework or device is behind them. */
@AnalyzeClasses(packages = "org.opackiosk.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnNoFramework = noClasses()
            .that().resideInAPackage("org.opackiosk.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "org.apache.hc..", "java.net.http..", "com.sun.net..", "java.sql..", "javax.sql..",
                    "org.h2..", "org.apache.lucene..", "com.pi4j..", "com.fazecast..", "com.google.zxing..",
                    "picocli..", "ch.qos.logback..", "org.marc4j..", "org.bouncycastle..")
            .because("kiosk-core holds the domain and ports; adapters live in their own modules");

    @ArchTest
    static final ArchRule onlyConfigurationReadsToml = noClasses()
            .that().resideOutsideOfPackage("org.opackiosk.core.config..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("Jackson's TOML module is allowed in kiosk-core only to read the configuration (ADR 0002)");

    @ArchTest
    static final ArchRule coreDependsOnNoAdapter = noClasses()
            .that().resideInAPackage("org.opackiosk.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.opackiosk.app..", "org.opackiosk.circulation..", "org.opackiosk.store..",
                    "org.opackiosk.device..", "org.opackiosk.demo..", "org.opackiosk.provisioning..");

    @ArchTest
    static final ArchRule noConsoleOutput = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule noPrintStackTrace = noClasses().should()
            .callMethod(Throwable.class, "printStackTrace")
            .because("errors are logged once, through SLF4J, where they are handled");
}
