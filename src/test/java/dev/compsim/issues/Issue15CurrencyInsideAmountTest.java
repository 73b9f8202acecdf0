package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 10: a currency written inside an amount cell was dropped. {@code EUR 50,000.00}
 * with a blank currency in a USD plan was credited as 50,000.00 USD, {@code GBP 50000} was taken
 * without a GBP rate, and {@code $50,000.00} on a EUR deal was converted as euros. The currency
 * in the cell must be the deal's, or fill it when the deal names none.
 */
class Issue15CurrencyInsideAmountTest {
  @TempDir
  Path dir;

  private Cli cli() {
    Cli cli = new Cli(dir).basics();
    cli.write("fx.csv", """
        currency,rate_to_plan_currency
        EUR,1.08
        """);
    return cli;
  }

  @Test
  void aCodeInTheAmountFillsABlankCurrencyAndIsConverted() {
    Cli cli = cli();
    cli.write("deals.csv", """
        deal_id,owner,close_date,amount,stage,currency
        D1,R1,2026-03-10,"EUR 50,000.00",won,
        """);
    Cli.Result result = cli.run("explain", "{dir}/plan.yaml", "--data", "{dir}", "--rep", "R1");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("credit 54000.00").doesNotContain("credit 50000.00");
  }

  @Test
  void aCodeWithoutARateIsRefusedAtTheAmount() {
    Cli cli = cli();
    cli.write("deals.csv", """
        deal_id,owner,close_date,amount,stage
        D1,R1,2026-03-10,50000,won
        D2,R1,2026-03-11,GBP 50000,won
        """);
    Cli.Result result = cli.run("validate", "{dir}/plan.yaml", "--data", "{dir}");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("deals.csv:3:4: error: currency GBP has no rate to USD");
  }

  @Test
  void aSymbolThatDisagreesWithTheDealsCurrencyIsRefused() {
    Cli cli = cli();
    cli.write("deals.csv", """
        deal_id,owner,close_date,amount,stage,currency
        D1,R1,2026-03-10,"$50,000.00",won,EUR
        """);
    Cli.Result result = cli.run("validate", "{dir}/plan.yaml", "--data", "{dir}");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("deals.csv:2:4: error: amount \"$50,000.00\" is in $")
        .contains("but the deal's currency is EUR (column 6)");
  }

  @Test
  void aCodeThatDisagreesWithTheDealsCurrencyIsRefused() {
    Cli cli = cli();
    cli.write("deals.csv", """
        deal_id,owner,close_date,amount,stage,currency
        D1,R1,2026-03-10,"50,000.00 GBP",won,USD
        """);
    Cli.Result result = cli.run("validate", "{dir}/plan.yaml", "--data", "{dir}");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("deals.csv:2:4: error: amount \"50,000.00 GBP\" is in "
        + "GBP, but the deal's currency is USD (column 6)");
  }

  @Test
  void aDollarWithoutACurrencyIsTheDollarOfADollarPlanOnly() {
    Cli cli = cli();
    cli.write("deals.csv", """
        deal_id,owner,close_date,amount,stage
        D1,R1,2026-03-10,"$50,000.00",won
        D2,R1,2026-03-11,"$10,000.00",won
        """);
    Cli.Result usd = cli.run("explain", "{dir}/plan.yaml", "--data", "{dir}", "--rep", "R1");
    assertThat(usd.code()).as(usd.err()).isZero();
    assertThat(usd.out()).contains("credit 50000.00");
    cli.write("eur.yaml", """
        name: Euro
        currency: EUR
        fiscal_year_start: 02-01
        commission:
          tiers:
            - { rate: 0.05 }
        """);
    cli.write("fx.csv", "currency,rate_to_plan_currency\n");
    Cli.Result eur = cli.run("validate", "{dir}/eur.yaml", "--data", "{dir}");
    assertThat(eur.code()).isEqualTo(2);
    assertThat(eur.err()).startsWith("deals.csv:2:4: error: amount \"$50,000.00\" is in $ (one "
        + "of USD, CAD").contains("but plan Euro is in EUR").contains("(and 1 more rows like it)");
  }

  @Test
  void aQuotaInAnotherCurrencyIsRefused() {
    Cli cli = cli();
    cli.write("reps.csv", """
        rep_id,name,role,territory,quota,ote
        R1,Ana Ruiz,AE,West,"EUR 800,000",160000
        """);
    cli.write("deals.csv", """
        deal_id,owner,close_date,amount,stage
        D1,R1,2026-03-10,50000,won
        """);
    Cli.Result result = cli.run("validate", "{dir}/plan.yaml", "--data", "{dir}");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("reps.csv:2:5: error: quota \"EUR 800,000\" is in EUR, "
        + "but plan Base is in USD");
  }
}
