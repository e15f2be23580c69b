package io.servesim.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The library's packages depend on each other in one direction: no cycle among {@code io.servesim.*}. */
class PackageCyclesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importLibrary() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.servesim");
    }

    @Test
    void servesimPackagesAreFreeOfCycles() {
        slices().matching("io.servesim.(*)..").should().beFreeOfCycles().check(classes);
    }
}
