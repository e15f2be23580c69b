package io.servesim.kernel.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernel's packages depend on each other in one direction: every package (the kernel itself, {@code session},
 * {@code magic}, {@code render}, {@code cli}) is its own slice, and no slice reaches back to one that reaches it.
 */
class PackageCyclesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importKernel() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.servesim.kernel");
    }

    @Test
    void kernelPackagesAreFreeOfCycles() {
        slices().matching("io.servesim.(**)").should().beFreeOfCycles().check(classes);
    }
}
