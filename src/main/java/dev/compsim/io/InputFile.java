package dev.compsim.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What may be read as an input: a regular file (a symbolic link to one is fine). A FIFO would
 * block the open until something writes to it, and a device such as {@code /dev/zero} never ends;
 * both are refused by looking at the file's type before it is opened.
 */
final class InputFile {
  private InputFile() {}

  /** Why {@code file} cannot be read as an input, or null when it is a regular file. */
  static Diagnostic problem(Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      return Diagnostic.of(file, "cannot read: " + YamlSource.describe(e));
    }
    if (attributes.isRegularFile()) {
      return null;
    }
    if (attributes.isDirectory()) {
      return Diagnostic.of(file, "is a directory, not a file");
    }
    return Diagnostic.of(file, "is not a regular file (a FIFO, device or socket); give a file");
  }

  /** Throws an {@link InputException} when {@code file} is not a regular file. */
  static void require(Path file) {
    Diagnostic problem = problem(file);
    if (problem != null) {
      throw new InputException(problem);
    }
  }
}
