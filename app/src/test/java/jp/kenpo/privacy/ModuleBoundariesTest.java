package jp.kenpo.privacy;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The modules talk through their public types only and in one direction: domain modules know
 * nothing of the web or the command line, shared knows no module, and no two modules need each other.
 */
class ModuleBoundariesTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.kenpo.privacy");

    @Test
    void modulesHaveNoCycles() {
        slices().matching("jp.kenpo.privacy.(*)..").should().beFreeOfCycles().check(APP);
    }

    @Test
    void domainModulesKnowNothingOfTheWebOrTheCommandLine() {
        noClasses().that().resideInAnyPackage("..privacy.catalog..", "..privacy.members..", "..privacy.consent..",
                        "..privacy.decision..", "..privacy.shared..", "..privacy.audit..", "..privacy.accounts..",
                        "..privacy.mynumber..")
                .should().dependOnClassesThat().resideInAnyPackage("..privacy.web..", "..privacy.cli..")
                .check(APP);
    }

    @Test
    void sharedKnowsNoModule() {
        noClasses().that().resideInAPackage("..privacy.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("..privacy.catalog..", "..privacy.members..",
                        "..privacy.consent..", "..privacy.decision..", "..privacy.audit..", "..privacy.accounts..",
                        "..privacy.mynumber..")
                .check(APP);
    }

    /** Every module writes to the audit trail, so the trail may know none of them: only shared. */
    @Test
    void theAuditTrailKnowsNoModuleButShared() {
        noClasses().that().resideInAPackage("..privacy.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("..privacy.catalog..", "..privacy.members..",
                        "..privacy.consent..", "..privacy.decision..", "..privacy.accounts..", "..privacy.mynumber..",
                        "..privacy.web..", "..privacy.cli..")
                .check(APP);
    }

    @Test
    void theEnginesKnowNothingOfSpringOrTheApplication() {
        JavaClasses engines = new ClassFileImporter().importPackages("jp.kenpo.privacy.formats", "jp.kenpo.privacy.anonymizer");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "jp.kenpo.privacy.catalog..", "jp.kenpo.privacy.members..", "jp.kenpo.privacy.consent..",
                        "jp.kenpo.privacy.decision..")
                .allowEmptyShould(true).check(engines);
    }
}
