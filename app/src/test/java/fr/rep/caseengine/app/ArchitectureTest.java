package fr.rep.caseengine.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries, said again in code: the build already keeps the two sides apart. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.rep.caseengine");
    }

    @Test
    void the_command_side_does_not_know_the_query_side() {
        noClasses()
                .that()
                .resideInAPackage("fr.rep.caseengine.command..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("fr.rep.caseengine.query..")
                .check(classes);
    }

    @Test
    void the_query_side_does_not_know_the_command_side() {
        noClasses()
                .that()
                .resideInAPackage("fr.rep.caseengine.query..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("fr.rep.caseengine.command..")
                .check(classes);
    }

    @Test
    void events_depend_on_neither_side_nor_on_spring() {
        noClasses()
                .that()
                .resideInAPackage("fr.rep.caseengine.events..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "fr.rep.caseengine.command..",
                        "fr.rep.caseengine.query..",
                        "fr.rep.caseengine.app..",
                        "org.springframework..")
                .check(classes);
    }

    /** Each module checks its own packages; this checks them together, the app's wiring included. */
    @Test
    void no_packages_form_a_cycle() {
        slices().matching("fr.rep.caseengine.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void there_are_no_catch_all_packages() {
        noClasses()
                .should()
                .resideInAnyPackage("..util..", "..utils..", "..helpers..", "..common..", "..misc..")
                .check(classes);
    }

    /**
     * {@code ./mvnw test} is the fast loop because every test that starts the application (a Spring context on its
     * PostgreSQL, a browser, the app in JVMs of its own) is named {@code *IT} and left to failsafe in
     * {@code ./mvnw verify}: a new one named {@code *Test} would slow every developer's loop by its start-up.
     */
    @Test
    void tests_that_start_the_application_are_named_IT_and_run_in_verify() {
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("fr.rep.caseengine");

        classes()
                .that(startTheApplication())
                .and()
                .areTopLevelClasses()
                .and()
                .doNotHaveModifier(JavaModifier.ABSTRACT)
                .should()
                .haveSimpleNameEndingWith("IT")
                .check(tests);
    }

    private static DescribedPredicate<JavaClass> startTheApplication() {
        Set<String> starters = Set.of(
                "org.springframework.boot.builder.SpringApplicationBuilder",
                "org.springframework.boot.SpringApplication",
                "fr.rep.caseengine.app.IsolatedApp",
                "java.lang.ProcessBuilder");
        return DescribedPredicate.describe(
                "are tests that start the application, a browser or JVMs of their own",
                test -> test.getMethods().stream()
                                .anyMatch(method ->
                                        method.isMetaAnnotatedWith("org.junit.platform.commons.annotation.Testable"))
                        && (test.isAssignableTo("fr.rep.caseengine.app.EmbeddedDatabaseTest")
                                || test.isAnnotatedWith("org.springframework.boot.test.context.SpringBootTest")
                                || test.getDirectDependenciesFromSelf().stream()
                                        .anyMatch(dependency -> starters.contains(
                                                dependency.getTargetClass().getName()))));
    }
}
