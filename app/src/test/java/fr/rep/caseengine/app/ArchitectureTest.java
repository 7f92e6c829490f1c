package fr.rep.caseengine.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries, said again in code: the build already keeps the two sides apart. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.rep.caseengine");
    }

    @Test
    void the_command_side_does_not_know_the_query_side() {
        noClasses().that().resideInAPackage("fr.rep.caseengine.command..")
                .should().dependOnClassesThat().resideInAPackage("fr.rep.caseengine.query..").check(classes);
    }

    @Test
    void the_query_side_does_not_know_the_command_side() {
        noClasses().that().resideInAPackage("fr.rep.caseengine.query..")
                .should().dependOnClassesThat().resideInAPackage("fr.rep.caseengine.command..").check(classes);
    }

    @Test
    void events_depend_on_neither_side_nor_on_spring() {
        noClasses().that().resideInAPackage("fr.rep.caseengine.events..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.rep.caseengine.command..",
                        "fr.rep.caseengine.query..", "fr.rep.caseengine.app..", "org.springframework..")
                .check(classes);
    }

    @Test
    void there_are_no_catch_all_packages() {
        noClasses().should().resideInAnyPackage("..util..", "..utils..", "..helpers..", "..common..", "..misc..")
                .check(classes);
    }
}
