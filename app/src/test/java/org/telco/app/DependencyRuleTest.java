package org.telco.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule, stated once: the domain (ledger) knows nothing of engines, storage, HTTP,
 * JSON, SQL, threads or the wall clock; the engine knows no storage or web; storage knows no engine
 * or web; only the app wires them together.
 */
class DependencyRuleTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.telco");
  }

  @Test
  void ledgerDomainDependsOnNothingButTheJdkBasics() {
    noClasses()
        .that()
        .resideInAPackage("org.telco.ledger..")
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
  void ledgerDomainNeverReadsTheWallClock() {
    noClasses()
        .that()
        .resideInAPackage("org.telco.ledger..")
        .should()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(Thread.class)
        .check(classes);
  }

  @Test
  void engineKnowsNoStorageOrWeb() {
    noClasses()
        .that()
        .resideInAPackage("org.telco.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.telco.storage..",
            "org.telco.web..",
            "org.telco.app..",
            "io.helidon..",
            "java.sql..")
        .check(classes);
  }

  @Test
  void storageKnowsNoEngineOrWeb() {
    noClasses()
        .that()
        .resideInAPackage("org.telco.storage..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.telco.engine..", "org.telco.web..", "org.telco.app..", "io.helidon..")
        .check(classes);
  }

  @Test
  void timeKernelKnowsNoOtherFeature() {
    noClasses()
        .that()
        .resideInAPackage("org.telco.time..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.telco.ledger..",
            "org.telco.engine..",
            "org.telco.storage..",
            "org.telco.web..",
            "org.telco.app..")
        .check(classes);
  }

  @Test
  void webPlumbingKnowsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("org.telco.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.telco.ledger..", "org.telco.engine..", "org.telco.storage..", "org.telco.app..")
        .check(classes);
  }

  @Test
  void operatorFeaturesKnowNoStorageWebEngineOrSql() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.telco.subscriber..",
            "org.telco.payment..",
            "org.telco.network..",
            "org.telco.messaging..",
            "org.telco.outbox..",
            "org.telco.device..",
            "org.telco.credit..",
            "org.telco.porting..",
            "org.telco.traffic..",
            "org.telco.charging..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.telco.storage..",
            "org.telco.web..",
            "org.telco.app..",
            "org.telco.engine..",
            "io.helidon..",
            "java.sql..",
            "javax.sql..")
        .check(classes);
  }
}
