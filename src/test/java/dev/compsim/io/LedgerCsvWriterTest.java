package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.engine.Component;
import dev.compsim.engine.LedgerLine;
import dev.compsim.engine.PayeeKind;
import dev.compsim.engine.Status;
import java.io.StringWriter;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LedgerCsvWriterTest {
  @Test
  void textThatLooksLikeAFormulaIsNeutralisedAndNumbersStayNumbers() {
    StringWriter out = new StringWriter();
    try (LedgerCsvWriter writer = new LedgerCsvWriter(out)) {
      writer.accept(new LedgerLine("=Plan", "@R1", PayeeKind.REP, Component.COMMISSION, "+D1",
          "FY2027-Q1", Status.CLAWED_BACK, new BigDecimal("-12.50"), null, "-1+1"));
      writer.accept(new LedgerLine("Plan", "\tR2", PayeeKind.REP, Component.SPIFF, "\rD2",
          "FY2027-Q1", Status.PAID, new BigDecimal("40.00"), null, "plain"));
    }
    assertThat(out.toString()).isEqualTo(
        "plan,payee,payee_kind,component,deal_id,period,status,amount,pay_date,trace\n"
            + "'=Plan,'@R1,rep,commission,'+D1,FY2027-Q1,clawed_back,-12.50,,'-1+1\n"
            + "Plan,'\tR2,rep,spiff,\"'\rD2\",FY2027-Q1,paid,40.00,,plain\n");
  }
}
