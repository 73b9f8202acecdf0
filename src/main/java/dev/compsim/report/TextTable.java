package dev.compsim.report;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import java.util.ArrayList;
import java.util.List;

/** A plain table for the terminal: first column left-aligned, the others right-aligned. */
public final class TextTable {
  private final List<String> headers;
  private final List<String[]> rows = new ArrayList<>();

  public TextTable(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  public TextTable row(List<String> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException("a row needs " + headers.size() + " cells");
    }
    rows.add(cells.toArray(String[]::new));
    return this;
  }

  public String render() {
    Column[] columns = new Column[headers.size()];
    for (int i = 0; i < columns.length; i++) {
      HorizontalAlign align = i == 0 ? HorizontalAlign.LEFT : HorizontalAlign.RIGHT;
      columns[i] = new Column().header(headers.get(i)).headerAlign(align).dataAlign(align);
    }
    return AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS_NO_OUTSIDE_BORDER,
        columns, rows.toArray(String[][]::new));
  }
}
