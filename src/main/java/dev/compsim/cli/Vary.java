package dev.compsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compsim.io.Diagnostic;
import dev.compsim.io.InputException;
import dev.compsim.io.PlanVariants;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code --vary PATH=VALUES} option: a key path of the plan and the values it takes, a list
 * ({@code 0,0.15,0.3}, {@code list,net}), a stepped range ({@code 0.06..0.12/0.01}, both ends
 * included) or, for {@code --samples} and {@code solve}, a range without a step
 * ({@code 0.8..1.2}). Every mistake is placed on the command line: the argument's number and the
 * column in it.
 *
 * @param values the values of a list or stepped range; empty for a range without a step
 * @param low the low end of a range, else null
 * @param high the high end of a range, else null
 */
record Vary(String raw, Where where, PlanVariants.Key key, List<Value> values, BigDecimal low,
    BigDecimal high) {

  /** Where an option's value is on the command line: argument number and its first column. */
  record Where(int argument, int column) {
    String at(int offset) {
      return argument == 0 ? "" : "argument " + argument + ", column " + (column + offset) + ": ";
    }
  }

  /** One value, its text as given and where it starts in the option's value. */
  record Value(String text, JsonNode node, int offset) {}

  /** Most values one list or range may give; grids multiply them. */
  static final int MAX_VALUES = 1_000_000;

  /** A range without a step, for a random sample or a solve. */
  boolean continuous() {
    return values.isEmpty();
  }

  /** The number of values of a list or stepped range. */
  int size() {
    return values.size();
  }

  /** {@code --vary RAW: argument 5, column 30: MESSAGE}, as an InputException. */
  static InputException problem(String raw, Where where, int offset, String message) {
    return new InputException(Diagnostic.of(null, "--vary " + raw + ": " + where.at(offset)
        + message));
  }

  InputException problem(int offset, String message) {
    return problem(raw, where, offset, message);
  }

  /** Parses {@code raw} against the base plan; an InputException names what is wrong and where. */
  static Vary parse(String raw, Where where, PlanVariants base) {
    int equals = raw.indexOf('=');
    if (equals <= 0) {
      throw problem(raw, where, 0, "expected PATH=VALUES, e.g. holdback.share=0,0.15,0.3 or "
          + "commission.tiers[1].rate=0.06..0.12/0.01");
    }
    String path = raw.substring(0, equals).strip();
    PlanVariants.Key key;
    try {
      key = base.key(path);
    } catch (IllegalArgumentException e) {
      throw problem(raw, where, 0, e.getMessage());
    }
    String text = raw.substring(equals + 1);
    int start = equals + 1;
    if (text.isBlank()) {
      throw problem(raw, where, start, "no values after `=`; the grid would be empty");
    }
    int dots = text.indexOf("..");
    if (dots >= 0) {
      return range(raw, where, key, text, start, dots);
    }
    List<Value> values = new ArrayList<>();
    int offset = start;
    for (String item : text.split(",", -1)) {
      String value = item.strip();
      if (value.isEmpty()) {
        throw problem(raw, where, offset, "an empty value in the list");
      }
      values.add(new Value(value, node(raw, where, key, value, offset), offset));
      offset += item.length() + 1;
    }
    for (int i = 0; i < values.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (values.get(i).node().equals(values.get(j).node())) {
          throw problem(raw, where, values.get(i).offset(), values.get(i).text()
              + " is given twice");
        }
      }
    }
    return new Vary(raw, where, key, values, null, null);
  }

  private static Vary range(String raw, Where where, PlanVariants.Key key, String text,
      int start, int dots) {
    if (key.kind() != PlanVariants.Kind.NUMBER && key.kind() != PlanVariants.Kind.WHOLE_NUMBER) {
      throw problem(raw, where, start, key.text() + " takes " + key.kind().expected()
          + ", not a range; list the values: a,b,c");
    }
    String lowText = text.substring(0, dots).strip();
    String rest = text.substring(dots + 2);
    int slash = rest.indexOf('/');
    String highText = (slash < 0 ? rest : rest.substring(0, slash)).strip();
    int highOffset = start + dots + 2;
    BigDecimal low = number(raw, where, key, lowText, start);
    BigDecimal high = number(raw, where, key, highText, highOffset);
    if (low.compareTo(high) > 0) {
      throw problem(raw, where, start, "the range " + lowText + ".." + highText
          + " is empty: its low end is above its high end");
    }
    if (slash < 0) {
      return new Vary(raw, where, key, List.of(), low, high);
    }
    int stepOffset = highOffset + slash + 1;
    BigDecimal step = number(raw, where, key, rest.substring(slash + 1).strip(), stepOffset);
    if (step.signum() <= 0) {
      throw problem(raw, where, stepOffset, "the step must be above 0");
    }
    BigDecimal count = high.subtract(low).divide(step, 0, RoundingMode.FLOOR).add(BigDecimal.ONE);
    if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) > 0) {
      throw problem(raw, where, stepOffset, "the range gives " + count.toPlainString()
          + " values; at most " + MAX_VALUES + " a key");
    }
    int scale = Math.max(Math.max(low.scale(), high.scale()), step.scale());
    List<Value> values = new ArrayList<>();
    for (int i = 0; i < count.intValue(); i++) {
      BigDecimal value = low.add(step.multiply(BigDecimal.valueOf(i))).setScale(scale,
          RoundingMode.UNNECESSARY);
      String plain = value.toPlainString();
      values.add(new Value(plain, PlanVariants.value(key.kind(), plain), start));
    }
    return new Vary(raw, where, key, values, low, high);
  }

  private static BigDecimal number(String raw, Where where, PlanVariants.Key key, String text,
      int offset) {
    JsonNode node = node(raw, where, key, text, offset);
    return node.decimalValue();
  }

  private static JsonNode node(String raw, Where where, PlanVariants.Key key, String text,
      int offset) {
    try {
      return PlanVariants.value(key.kind(), text);
    } catch (IllegalArgumentException e) {
      throw problem(raw, where, offset, key.text() + ": " + e.getMessage());
    }
  }

  /** A value of a range without a step at {@code fraction} of the way up, in [0, 1). */
  Value at(double fraction) {
    BigDecimal span = high.subtract(low);
    int scale = Math.max(low.scale(), high.scale()) + 2;
    if (key.kind() == PlanVariants.Kind.WHOLE_NUMBER) {
      scale = 0;
      span = span.add(BigDecimal.ONE); // both ends can be drawn
    }
    BigDecimal value = low.add(span.multiply(new BigDecimal(fraction)))
        .setScale(scale, key.kind() == PlanVariants.Kind.WHOLE_NUMBER ? RoundingMode.FLOOR
            : RoundingMode.HALF_EVEN);
    if (value.compareTo(high) > 0) {
      value = high;
    }
    return value(value);
  }

  /** The value {@code value} of this key as a Value. */
  Value value(BigDecimal value) {
    String plain = value.toPlainString();
    return new Value(plain, PlanVariants.value(key.kind(), plain), 0);
  }
}
