package dev.compsim.report;

import java.util.List;

/**
 * Guardrail results as JUnit XML, so CI dashboards show each guardrail as a test case: one test
 * suite per plan, a failure per broken guardrail, skipped for metrics without a value.
 */
public final class GuardrailJunit {
  private GuardrailJunit() {}

  public static String render(List<String> plans, List<GuardrailResult> results) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    long failures = results.stream().filter(r -> r.outcome() == GuardrailResult.Outcome.FAILED)
        .count();
    long skipped = results.stream().filter(r -> r.outcome() == GuardrailResult.Outcome.SKIPPED)
        .count();
    out.append("<testsuites name=\"compsim guardrails\" tests=\"").append(results.size())
        .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"")
        .append(skipped).append("\">\n");
    for (String plan : plans) {
      List<GuardrailResult> mine = results.stream().filter(r -> r.plan().equals(plan)).toList();
      long planFailures = mine.stream()
          .filter(r -> r.outcome() == GuardrailResult.Outcome.FAILED).count();
      long planSkipped = mine.stream()
          .filter(r -> r.outcome() == GuardrailResult.Outcome.SKIPPED).count();
      out.append("  <testsuite name=\"").append(xml(plan)).append("\" tests=\"")
          .append(mine.size()).append("\" failures=\"").append(planFailures)
          .append("\" errors=\"0\" skipped=\"").append(planSkipped).append("\" time=\"0\">\n");
      for (GuardrailResult result : mine) {
        out.append("    <testcase classname=\"guardrails.").append(xml(plan))
            .append("\" name=\"").append(xml(result.guardrail().metric() + " " + result.limit()))
            .append("\" time=\"0\"");
        switch (result.outcome()) {
          case PASSED -> out.append("/>\n");
          case FAILED -> out.append(">\n      <failure message=\"").append(xml(result.message()))
              .append("\" type=\"guardrail\">").append(xml(result.message()))
              .append("</failure>\n    </testcase>\n");
          case SKIPPED -> out.append(">\n      <skipped message=\"").append(xml(result.message()))
              .append("\"/>\n    </testcase>\n");
        }
      }
      out.append("  </testsuite>\n");
    }
    out.append("</testsuites>\n");
    return out.toString();
  }

  static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out.append(' ');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
