package org.telco.subscriber;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The prepaid domain is plain Java: no storage, web, JSON, SQL, network or threads, and no wall
 * clock (time comes in as an argument). The payment package may use the subscriber package, never
 * the other way round.
 */
class PrepaidDomainRuleTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.telco.subscriber", "org.telco.payment", "org.telco.device");
  }

  @Test
  void domainDependsOnNoInfrastructure() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.telco.engine..",
            "org.telco.storage..",
            "org.telco.web..",
            "org.telco.app..",
            "io.helidon..",
            "com.fasterxml..",
            "java.sql..",
            "javax.sql..",
            "java.util.concurrent..",
            "java.net..")
        .check(classes);
  }

  @Test
  void domainNeverReadsTheWallClockOrStartsThreads() {
    noClasses()
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(Thread.class)
        .check(classes);
  }

  @Test
  void subscribersKnowNothingOfPayments() {
    noClasses()
        .that()
        .resideInAPackage("org.telco.subscriber..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.telco.payment..")
        .check(classes);
  }
}
