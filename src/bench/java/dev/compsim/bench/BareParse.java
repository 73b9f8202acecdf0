package dev.compsim.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The baseline of {@code scripts/bench}: parses a CSV file with Commons CSV, the way compsim's
 * reader opens it, and touches every field, but builds nothing. What {@code compsim run} costs
 * beyond this is compsim's own work.
 *
 * <p>Usage: {@code java -cp compsim.jar dev.compsim.bench.BareParse deals.csv}
 */
public final class BareParse {
  private BareParse() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BareParse FILE.csv");
    }
    long records = 0;
    long fields = 0;
    long checksum = 0;
    try (Reader reader = new BufferedReader(new InputStreamReader(
            Files.newInputStream(Path.of(args[0])), StandardCharsets.UTF_8), 1 << 16);
        CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get()
            .parse(reader)) {
      for (CSVRecord record : parser) {
        records++;
        for (int i = 0; i < record.size(); i++) {
          String value = record.get(i);
          fields++;
          checksum = checksum * 31 + value.length() + (value.isEmpty() ? 0 : value.charAt(0));
        }
      }
    }
    System.out.printf(java.util.Locale.ROOT, "%d records, %d fields (checksum %d)%n", records,
        fields, checksum);
  }
}
