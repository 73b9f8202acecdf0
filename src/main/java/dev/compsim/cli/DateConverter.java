package dev.compsim.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the dates of {@code --as-of}, {@code --start} and {@code --end}. A bad one is refused
 * with the value and the expected form, not with a Java class and an exception name; the
 * command line handler in {@link Main} puts the option's name in front.
 */
final class DateConverter implements ITypeConverter<LocalDate> {
  /** What a date on the command line looks like, for messages. */
  static final String EXPECTED = "expected yyyy-MM-dd, e.g. 2026-03-31";

  @Override
  public LocalDate convert(String value) {
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("\"" + value + "\" is not a date; " + EXPECTED);
    }
  }
}
