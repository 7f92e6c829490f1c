package fr.rep.caseengine.query;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No two packages of the query side need each other: each package can be read, and changed, knowing only the packages
 * below it. Every package is a slice of its own, subpackages included.
 */
class PackageCyclesTest {

    @Test
    void no_packages_form_a_cycle() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.rep.caseengine.query");

        slices().matching("fr.rep.caseengine.(**)").should().beFreeOfCycles().check(classes);
    }
}
