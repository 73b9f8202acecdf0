package dev.compsim.io;

/** Cells written to CSV files that spreadsheets open. */
public final class CsvCells {
  private CsvCells() {}

  /**
   * Text from the data that starts like a formula ({@code = + - @}, or a tab or carriage return)
   * is prefixed with an apostrophe, so a spreadsheet shows it instead of running it. Only text
   * columns go through here; numbers stay numbers.
   */
  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    char first = value.charAt(0);
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
        || first == '\r') {
      return "'" + value;
    }
    return value;
  }
}
