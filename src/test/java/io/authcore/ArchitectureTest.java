package io.authcore;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of the design notes, pinned: each rule names the dependency it forbids. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.authcore");
  }

  @Test
  void webLayerKnowsNoRecipeAndNoStorage() {
    noClasses()
        .that()
        .resideInAPackage("io.authcore.http..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.authcore.recipe.(*)..", "io.authcore.storage..")
        .check(classes);
  }

  @Test
  void servicesNeverSeeHttpOrJson() {
    noClasses()
        .that()
        .resideInAPackage("io.authcore.recipe..")
        .and()
        .haveSimpleNameEndingWith("Service")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.authcore.http..", "io.undertow..")
        .check(classes);
  }

  @Test
  void storageKnowsNoRecipeAndNoHttp() {
    noClasses()
        .that()
        .resideInAPackage("io.authcore.storage..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.authcore.recipe..", "io.authcore.http..", "io.undertow..")
        .check(classes);
  }

  @Test
  void onlyTheCompositionRootNamesTheJdbcImplementation() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.authcore.storage.jdbc..")
        .and()
        .doNotHaveFullyQualifiedName(Authcore.class.getName())
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.authcore.storage.jdbc..")
        .check(classes);
  }

  @Test
  void onlyTheWebLayerTouchesUndertow() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.authcore.http..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.undertow..")
        .check(classes);
  }

  @Test
  void onlyTheTracingPackageTouchesOpenTelemetry() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.authcore.tracing..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.opentelemetry..")
        .check(classes);
  }
}
