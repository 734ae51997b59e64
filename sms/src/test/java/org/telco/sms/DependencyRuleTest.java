package org.telco.sms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The centre is plain Java: only its SMPP adapter knows jSMPP, and nothing knows SQL or HTTP. */
class DependencyRuleTest {
  @Test
  void onlyTheSmppAdapterKnowsJsmpp() {
    noClasses()
        .that()
        .resideInAPackage("org.telco.sms")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jsmpp..", "java.sql..", "java.net.http..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.telco.sms"));
  }
}
