package dev.compsim.issues;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 4: the benchmark's classes ({@code dev.compsim.bench}: the bare parse, the
 * phases of a run, simulate throughput) were in the shipped jar. They live in
 * {@code src/bench/java} now, compiled only by the {@code bench} profile as test sources beside
 * DuckDB, the SQL peer they are timed against; the application's classes hold neither.
 */
class Issue11BenchOutsideTheJarTest {
  private static final JavaClasses SHIPPED = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.compsim");

  @Test
  void noBenchmarkClassIsShipped() {
    noClasses().should().resideInAPackage("dev.compsim.bench..")
        .allowEmptyShould(true)
        .check(SHIPPED);
  }

  @Test
  void nothingShippedUsesDuckDb() {
    noClasses().should().dependOnClassesThat().resideInAPackage("org.duckdb..")
        .check(SHIPPED);
  }
}
