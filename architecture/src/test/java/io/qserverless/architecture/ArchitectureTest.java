package io.qserverless.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules of ARCHITECTURE.md, checked against the compiled main classes of
 * every module, so that a dependency that breaks the layering fails the build instead of being
 * found in review.
 */
class ArchitectureTest {
  private static final String ROOT = "io.qserverless";
  private static JavaClasses classes;

  @BeforeAll
  static void importAllModules() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  /** Module {@code module} reaches no module outside {@code allowed} (its own always allowed). */
  private static ArchRule moduleUsesOnly(String module, String... allowed) {
    var others =
        new ArrayList<>(
            List.of(
                "quantum", "protocol", "runtime", "client", "gateway", "cli", "examples", "bench"));
    others.remove(module);
    others.removeAll(List.of(allowed));
    return noClasses()
        .that()
        .resideInAPackage(ROOT + "." + module + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others.stream().map(m -> ROOT + "." + m + "..").toArray(String[]::new))
        .because("ARCHITECTURE.md: " + module + " may depend on " + String.join(", ", allowed));
  }

  @Test
  void quantumDependsOnNothingOfTheProject() {
    moduleUsesOnly("quantum").check(classes);
  }

  @Test
  void protocolDependsOnlyOnQuantum() {
    moduleUsesOnly("protocol", "quantum").check(classes);
  }

  @Test
  void runtimeDoesNotDependOnTheClientOrTheGateway() {
    moduleUsesOnly("runtime", "protocol", "quantum").check(classes);
  }

  @Test
  void clientDependsOnlyOnTheProtocol() {
    moduleUsesOnly("client", "protocol", "quantum").check(classes);
  }

  @Test
  void gatewayDoesNotDependOnTheSdkOrTheRuntime() {
    moduleUsesOnly("gateway", "protocol", "quantum").check(classes);
  }

  @Test
  void examplesUploadThroughTheSdkAndNeverReachTheGateway() {
    moduleUsesOnly("examples", "runtime", "protocol", "quantum", "client").check(classes);
  }

  @Test
  void examplePrograms_areWrittenAgainstTheRuntimeOnly() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".examples.programs..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".client..", ROOT + ".gateway..", ROOT + ".cli..")
        .because(
            "a program runs inside a job and sees only the runtime API (and the quantum toolkit)")
        .check(classes);
  }

  @Test
  void internalPackagesAreUsedOnlyByTheirParentPackage() {
    // io.qserverless.quantum.simulator.internal may be used inside
    // io.qserverless.quantum.simulator..
    for (String parent :
        classes.stream()
            .map(c -> c.getPackageName())
            .filter(p -> p.endsWith(".internal"))
            .map(p -> p.substring(0, p.length() - ".internal".length()))
            .distinct()
            .toList()) {
      noClasses()
          .that()
          .resideOutsideOfPackage(parent + "..")
          .and()
          .resideOutsideOfPackage(sharers(parent))
          .should()
          .dependOnClassesThat()
          .resideInAPackage(parent + ".internal..")
          .because(parent + ".internal is an implementation detail of " + parent)
          .check(classes);
    }
  }

  /** OpenQASM 3 is read and written by the OpenQASM 2 reader and writer (one grammar family). */
  private static String sharers(String parent) {
    return parent.equals(ROOT + ".quantum.qasm2") ? ROOT + ".quantum.qasm3.." : parent + "..";
  }

  @Test
  void httpLayerDoesNotReachPersistence() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".gateway.http..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".gateway.store..", "org.jdbi..", "java.sql..")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Repository")
        .because(
            "the HTTP layer parses, calls a feature service and renders; persistence is the features' own")
        .check(classes);
  }

  @Test
  void gatewayPackagesHaveNoCycles() {
    slices().matching(ROOT + ".gateway.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void gatewayRootPackageHoldsOnlyTheAssembler() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".gateway")
        .and()
        .resideInAPackage(ROOT + ".gateway..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".gateway")
        .because("the root package assembles the gateway; features must not depend on it")
        .check(classes);
  }
}
