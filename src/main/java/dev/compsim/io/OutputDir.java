package dev.compsim.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An output directory whose files appear all at once: each is written under a temporary name and
 * renamed on {@link #commit()}; {@link #close()} without a commit removes the temporary files, so
 * a failed run never leaves half a report behind.
 */
public final class OutputDir implements AutoCloseable {
  private final Path dir;
  private final List<Path[]> pending = new ArrayList<>();
  private boolean committed;

  public OutputDir(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new InputException(Diagnostic.of(dir, "cannot create output directory: "
          + YamlSource.describe(e)));
    }
  }

  public Path dir() {
    return dir;
  }

  /** A stream for {@code name}, written under a temporary name until commit. */
  public OutputStream stream(String name) {
    Path target = dir.resolve(name);
    Path temporary = dir.resolve("." + name + ".tmp");
    pending.add(new Path[] {temporary, target});
    try {
      return Files.newOutputStream(temporary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A UTF-8 writer for {@code name}, written under a temporary name until commit. */
  public Writer writer(String name) {
    return new BufferedWriter(new OutputStreamWriter(stream(name), StandardCharsets.UTF_8),
        1 << 16);
  }

  /** Writes a whole text file. */
  public void write(String name, String content) {
    try (Writer writer = writer(name)) {
      writer.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Renames every temporary file to its name. */
  public List<Path> commit() {
    List<Path> written = new ArrayList<>();
    try {
      for (Path[] move : pending) {
        try {
          Files.move(move[0], move[1], StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(move[0], move[1], StandardCopyOption.REPLACE_EXISTING);
        }
        written.add(move[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    committed = true;
    return written;
  }

  @Override
  public void close() {
    if (committed) {
      return;
    }
    for (Path[] move : pending) {
      try {
        Files.deleteIfExists(move[0]);
      } catch (IOException ignored) {
        // best effort: a leftover temporary file is named with a dot and .tmp
      }
    }
  }
}
