package dev.compsim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core (model, engine, behavior, generate) does no I/O and knows nothing of the adapters. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.compsim");

  @Test
  void coreDependsOnNoAdapter() {
    noClasses().that().resideInAnyPackage("dev.compsim.model..", "dev.compsim.engine..",
            "dev.compsim.behavior..", "dev.compsim.generate..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.compsim.io..",
            "dev.compsim.cli..", "dev.compsim.report..", "picocli..", "com.fasterxml..",
            "org.apache.commons.csv..")
        .check(CLASSES);
  }

  @Test
  void coreDoesNoIo() {
    noClasses().that().resideInAnyPackage("dev.compsim.model..", "dev.compsim.engine..",
            "dev.compsim.behavior..", "dev.compsim.generate..")
        .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..",
            "java.net..")
        .orShould().callMethod(System.class, "exit", int.class)
        .check(CLASSES);
  }

  @Test
  void onlyMainExits() {
    noClasses().that().doNotHaveFullyQualifiedName("dev.compsim.cli.Main")
        .should().callMethod(System.class, "exit", int.class)
        .check(CLASSES);
  }
}
