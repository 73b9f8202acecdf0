package dev.compsim.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML file read with bounds (size, aliases, nesting), and the position of every key and value
 * in it by JSON pointer ({@code /commission/tiers/1/rate}), so that a problem found after binding
 * can still be reported at its line and column.
 */
final class YamlSource {
  static final int MAX_BYTES = 1 << 20;
  static final int MAX_ALIASES = 50;
  static final int MAX_DEPTH = 40;

  final Path file;
  final byte[] bytes;
  private final Map<String, int[]> keys = new HashMap<>();
  private final Map<String, int[]> values = new HashMap<>();

  private YamlSource(Path file, byte[] bytes) {
    this.file = file;
    this.bytes = bytes;
  }

  /** The factory plans are bound with: a repeated key is an error. */
  static YAMLFactory factory() {
    return factory(true);
  }

  /**
   * The factory plans are scanned with. Without strict detection, so that {@link PlanShape} can
   * report every repeated key at the key itself.
   */
  static YAMLFactory scanner() {
    return factory(false);
  }

  private static YAMLFactory factory(boolean strict) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_BYTES);
    options.setAllowDuplicateKeys(false);
    return YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxDocumentLength(MAX_BYTES)
            .maxStringLength(MAX_BYTES)
            .build())
        .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, strict)
        .build();
  }

  /** Reads and scans {@code file}; a syntax error or a bound exceeded is an InputException. */
  static YamlSource read(Path file, YAMLFactory factory) {
    InputFile.require(file); // a FIFO would block, /dev/zero would never end
    byte[] bytes;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      // read one byte past the bound: the size on disk may change, or not be the real length
      bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new InputException(Diagnostic.of(file, "file is larger than 1 MiB"));
      }
    } catch (IOException e) {
      throw new InputException(Diagnostic.of(file, "cannot read: " + describe(e)));
    }
    return of(file, bytes, factory);
  }

  /**
   * Scans YAML already in memory as if it were the contents of {@code file} (a plan variant
   * made by {@link PlanVariants} before it is written): the same bounds and checks as a file.
   */
  static YamlSource of(Path file, byte[] bytes, YAMLFactory factory) {
    if (bytes.length > MAX_BYTES) {
      throw new InputException(Diagnostic.of(file, "file is larger than 1 MiB"));
    }
    Diagnostic notText = Text.firstBadByte(file, bytes);
    if (notText != null) {
      throw new InputException(notText);
    }
    YamlSource source = new YamlSource(file, bytes);
    source.scan(factory);
    return source;
  }

  /** Whether the document holds no value at all (an empty file, or only comments). */
  boolean isEmpty() {
    return values.isEmpty() && keys.isEmpty();
  }

  private void scan(YAMLFactory factory) {
    java.util.List<Diagnostic> aliases = new java.util.ArrayList<>();
    JsonParser[] open = new JsonParser[1];
    try (JsonParser parser = factory.createParser(bytes)) {
      open[0] = parser;
      JsonToken token;
      boolean rootSeen = false;
      while ((token = parser.nextToken()) != null) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        JsonLocation at = parser.currentTokenLocation();
        int[] position = {at.getLineNr(), at.getColumnNr()};
        var context = parser.getParsingContext();
        if (token.isStructStart() ? context.getParent() != null && context.getParent().inRoot()
            : token.isScalarValue() && context.inRoot()) {
          if (rootSeen) {
            // the parser streams every document of the file; binding would keep the first
            int line = documentStart(position[0]);
            throw new InputException(new Diagnostic(file, line, 1, "a file holds one YAML document "
                + "(a plan, a column map, assumptions); found a second at line " + line + ", started by the "
                + "--- there: put each plan in a file of its own, or remove the ---"));
          }
          rootSeen = true;
        }
        if (parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml
            && yaml.isCurrentAlias()) {
          // the parser would hand the alias over as its own name, a silent wrong value
          if (aliases.isEmpty()) {
            aliases.add(new Diagnostic(file, position[0], position[1], "YAML aliases (*"
                + parser.getText() + ") are not supported here; write the value out"));
          }
        }
        if (token == JsonToken.FIELD_NAME) {
          keys.putIfAbsent(pointer, position);
        } else if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
          String path = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
              ? parentPointer(parser) : pointer;
          values.putIfAbsent(path, position);
        }
      }
    } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
      // a bound exceeded: placed where the parser stopped
      JsonLocation stop = open[0] == null ? null : open[0].currentLocation();
      throw new InputException(stop == null || stop.getLineNr() < 1 ? at(e)
          : new Diagnostic(file, stop.getLineNr(), stop.getColumnNr(),
              cleanMessage(e.getOriginalMessage())));
    } catch (JsonProcessingException e) {
      throw new InputException(at(e));
    } catch (IOException e) {
      throw new InputException(Diagnostic.of(file, "cannot read: " + describe(e)));
    }
    InputException.throwIfAny(aliases);
  }

  /**
   * The line of the {@code ---} marker that starts the document whose first value is on
   * {@code valueLine}: the last marker line at or before it, or the value's own line.
   */
  private int documentStart(int valueLine) {
    int start = valueLine;
    int line = 1;
    for (int i = 0; i < bytes.length && line <= valueLine; line++) {
      int end = i;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      if (end - i >= 3 && bytes[i] == '-' && bytes[i + 1] == '-' && bytes[i + 2] == '-'
          && (end - i == 3 || bytes[i + 3] == ' ' || bytes[i + 3] == '\t'
              || bytes[i + 3] == '\r')) {
        start = line;
      }
      i = end + 1;
    }
    return start;
  }

  /** A container's own pointer: the path of the field or element that holds it. */
  private static String parentPointer(JsonParser parser) {
    var context = parser.getParsingContext().getParent();
    return context == null ? "" : context.pathAsPointer().toString();
  }

  /** Position of the value at {@code pointer}, else of its key, else of the nearest parent. */
  Diagnostic at(String pointer, String message) {
    String path = pointer;
    while (true) {
      int[] position = values.get(path);
      if (position == null) {
        position = keys.get(path);
      }
      if (position != null) {
        return new Diagnostic(file, position[0], position[1], message);
      }
      if (path.isEmpty()) {
        return new Diagnostic(file, 1, 1, message);
      }
      path = path.substring(0, path.lastIndexOf('/'));
    }
  }

  /** Position of the key at {@code pointer} (for unknown and duplicate keys). */
  Diagnostic atKey(String pointer, String message) {
    int[] position = keys.get(pointer);
    return position == null ? at(pointer, message)
        : new Diagnostic(file, position[0], position[1], message);
  }

  Diagnostic at(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String message = e.getOriginalMessage();
    if (message == null) {
      message = e.getClass().getSimpleName();
    }
    // SnakeYAML's own message marks the problem: "... in 'reader', line 3, column 1: ..."
    java.util.regex.Matcher mark = java.util.regex.Pattern
        .compile("in 'reader', line (\\d+), column (\\d+)").matcher(message);
    int[] marked = null;
    while (mark.find()) {
      marked = new int[] {Integer.parseInt(mark.group(1)), Integer.parseInt(mark.group(2))};
    }
    message = cleanMessage(message);
    if (marked != null) {
      return new Diagnostic(file, marked[0], marked[1], message);
    }
    if (location == null || location.getLineNr() < 1) {
      return Diagnostic.of(file, message);
    }
    return new Diagnostic(file, location.getLineNr(), Math.max(location.getColumnNr(), 0), message);
  }

  private static String cleanMessage(String message) {
    if (message.contains("nesting depth")) {
      return "YAML nested too deeply (at most " + MAX_DEPTH + " levels)";
    }
    if (message.contains("document length") || message.contains("String value length")) {
      return "YAML document is larger than 1 MiB";
    }
    if (message.contains(" in 'reader', line ")) {
      // SnakeYAML: context, marks with source excerpts, problem; keep the sentences
      java.util.List<String> sentences = new java.util.ArrayList<>();
      for (String line : message.strip().lines().toList()) {
        String text = line.strip();
        if (!text.isEmpty() && !text.startsWith("in 'reader'") && !text.equals("^")
            && !line.startsWith("    ") && !text.startsWith("at [Source")) {
          sentences.add(text);
        }
      }
      return String.join(": ", sentences);
    }
    String first = message.strip().lines().findFirst().orElse(message);
    if (first.startsWith("Duplicate field")) {
      return first.replace("Duplicate field", "duplicate key");
    }
    if (message.contains("Number of aliases for non-scalar nodes exceeds")) {
      return "too many YAML aliases (at most " + MAX_ALIASES + " are allowed)";
    }
    if (message.contains("Nesting Depth exceeded")) {
      return "YAML nested too deeply (at most " + MAX_DEPTH + " levels)";
    }
    if (message.contains("The incoming YAML document exceeds the limit")) {
      return "YAML document is larger than 1 MiB";
    }
    return first;
  }

  static String describe(IOException e) {
    String message = e.getMessage();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
