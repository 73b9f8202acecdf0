package dev.compsim.io;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Output files that appear together or not at all.
 *
 * <ul>
 *   <li>{@link #check} looks at every target before anything is computed or written: a parent
 *       that is a file, a directory that cannot be written, a target that is a directory are
 *       refused (exit 2) without touching the disk.
 *   <li>{@link #open} creates the directories and takes an exclusive lock on
 *       {@value #LOCK} in each of them, so a second run into the same directory is refused
 *       instead of mixing its files with this one's. The lock file is removed when the run
 *       ends (while still locked; see {@link #lock}).
 *   <li>Each file is written to a new temporary file beside it, created exclusively and never
 *       through a symbolic link ({@code .NAME.RANDOM.tmp}), so a planted file or link is never
 *       followed or overwritten.
 *   <li>{@link #commit} links each existing target to a backup, renames every temporary file over
 *       its target (each rename is atomic), and on a failure part-way renames the backups back:
 *       every target is then as it was. Only a crash of the machine or a kill -9 in the few
 *       microseconds between the renames can leave a mix; the backups ({@code .NAME.RANDOM.bak})
 *       are then still beside the files.
 *   <li>{@link #close} without a commit, or a SIGTERM / Ctrl-C while writing (a shutdown hook),
 *       removes the temporary files, and the directories it created when they are empty.
 * </ul>
 */
public final class OutputDir implements AutoCloseable {
  /** The lock file in every output directory. */
  public static final String LOCK = ".compsim.lock";

  private static final SecureRandom RANDOM = new SecureRandom();

  private enum State { OPEN, COMMITTING, COMMITTED, ABORTED, CLOSED }

  /** target -> its file as the user named it, in the order given. */
  private final Map<Path, Path> targets = new LinkedHashMap<>();
  private final Map<Path, Path> temporaries = new LinkedHashMap<>();
  private final Map<Path, Guarded> streams = new LinkedHashMap<>();
  private final List<Path> backups = new ArrayList<>();
  /** Directories this run created, outermost first: removed again when nothing is written. */
  private final List<Path> created = new ArrayList<>();
  private final List<Lock> locks = new ArrayList<>();
  /** The lock files held by runs in this process. */
  private static final Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Thread cleanup = new Thread(this::abort, "compsim-output-cleanup");
  private State state = State.OPEN;

  private OutputDir(Collection<Path> files) {
    for (Path file : files) {
      targets.put(key(file), file);
    }
  }

  private static Path key(Path file) {
    return file.toAbsolutePath().normalize();
  }

  /** The files {@code names} in {@code dir}. */
  public static List<Path> files(Path dir, String... names) {
    List<Path> files = new ArrayList<>();
    for (String name : names) {
      files.add(dir.resolve(name));
    }
    return files;
  }

  /**
   * Every reason why {@code files} could not be written, found without creating or writing
   * anything: a file named twice, a parent that is not a directory, a directory that is not
   * writable, a target that is a directory.
   */
  public static List<Diagnostic> problems(Collection<Path> files) {
    Set<Diagnostic> problems = new LinkedHashSet<>();
    Set<Path> seen = new java.util.HashSet<>();
    for (Path file : files) {
      Path target = key(file);
      if (!seen.add(target)) {
        problems.add(Diagnostic.of(file, "named twice as an output file"));
        continue;
      }
      Path parent = target.getParent();
      if (parent == null || target.getFileName() == null) {
        problems.add(Diagnostic.of(file, "is not a file name"));
        continue;
      }
      Path existing = parent;
      while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
        existing = existing.getParent();
      }
      if (existing == null) {
        problems.add(Diagnostic.of(parent, "no such directory, and it cannot be created"));
      } else if (!Files.isDirectory(existing)) {
        problems.add(Diagnostic.of(existing, "is not a directory, so " + file
            + " cannot be written"));
      } else if (!Files.isWritable(existing)) {
        problems.add(Diagnostic.of(existing, "cannot write here: permission denied or a "
            + "read-only file system"));
      }
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        problems.add(Diagnostic.of(file, "is a directory; compsim writes a file there (move "
            + "the directory away or choose another path)"));
      }
    }
    return new ArrayList<>(problems);
  }

  /** Throws an {@link InputException} (exit 2) with every problem of {@link #problems}. */
  public static void check(Collection<Path> files) {
    InputException.throwIfAny(problems(files));
  }

  /** Checks, creates and locks the directories of {@code files}; nothing is written yet. */
  public static OutputDir open(Collection<Path> files) {
    check(files);
    OutputDir out = new OutputDir(files);
    try {
      Set<Path> dirs = new TreeSet<>();
      for (Path target : out.targets.keySet()) {
        dirs.add(target.getParent());
      }
      for (Path dir : dirs) {
        for (Path missing = dir; missing != null
            && !Files.exists(missing, LinkOption.NOFOLLOW_LINKS); missing = missing.getParent()) {
          out.created.add(0, missing); // outermost first
        }
        try {
          Files.createDirectories(dir);
        } catch (IOException e) {
          throw new InputException(Diagnostic.of(dir, "cannot create output directory: "
              + describe(e)));
        }
        out.lock(dir);
      }
      Runtime.getRuntime().addShutdownHook(out.cleanup);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /** {@link #open} of the files {@code names} in {@code dir}. */
  public static OutputDir open(Path dir, String... names) {
    return open(files(dir, names));
  }

  /**
   * Takes the lock of {@code dir}. The file that holds it is removed when the lock is released,
   * so the lock is checked to be on the file that is at {@value #LOCK} now: a run that opened the
   * file just before its holder removed it would otherwise lock a file nobody else sees. The
   * check reads the file through a second channel that stays open until the release: closing any
   * channel of a file drops the process's POSIX locks on it. For the same reason runs in this
   * process are kept apart by {@link #HELD}, before a channel is opened.
   */
  private void lock(Path dir) {
    Path file = key(dir.resolve(LOCK));
    if (!HELD.add(file)) {
      throw busy(dir);
    }
    boolean held = false;
    try {
      for (int attempt = 0; attempt < 10 && !held; attempt++) {
        held = tryLock(dir, file);
      }
    } finally {
      if (!held) {
        HELD.remove(file);
      }
    }
    if (!held) {
      throw busy(dir);
    }
  }

  /** One attempt: true when locked (or when the file system has no locks). */
  private boolean tryLock(Path dir, Path file) {
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      if (Files.isSymbolicLink(file)) {
        throw new InputException(Diagnostic.of(file, "is a symbolic link, which compsim does "
            + "not follow; remove it"));
      }
      throw new InputException(Diagnostic.of(dir, "cannot write to the output directory: "
          + describe(e)));
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // not through HELD: cannot happen, but is not a lock of this run either
    } catch (IOException e) {
      // the file system has no locks (some network shares): write without one, and leave the
      // file, which nothing then protects, in place
      locks.add(new Lock(file, channel, null, false));
      return true;
    }
    if (lock == null) {
      closeQuietly(channel);
      throw busy(dir);
    }
    String token = random();
    FileChannel check = null;
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.US_ASCII)), 0);
      try {
        check = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
      } catch (java.nio.file.NoSuchFileException removed) {
        check = null;
      }
      if (check != null && token.equals(contents(check))) {
        locks.add(new Lock(file, channel, check, true));
        return true;
      }
    } catch (IOException e) {
      closeQuietly(check);
      closeQuietly(channel);
      throw new InputException(Diagnostic.of(dir, "cannot write to the output directory: "
          + describe(e)));
    }
    // the holder removed the file meanwhile: try again on the file there now
    closeQuietly(check);
    closeQuietly(channel);
    return false;
  }

  private static InputException busy(Path dir) {
    return new InputException(Diagnostic.of(dir, "another compsim run is writing to this "
        + "directory (it holds " + LOCK + "); wait for it to finish or choose another output"));
  }

  private static String contents(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(64);
    while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
      // fill
    }
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
  }

  /** A held lock: its file, the locked channel, the channel that checked it. */
  private record Lock(Path file, FileChannel channel, FileChannel check, boolean exclusive) {}

  /** A stream for {@code file}, one of the files opened, written to a temporary file. */
  public synchronized OutputStream stream(Path file) {
    Path target = key(file);
    if (!targets.containsKey(target)) {
      throw new IllegalArgumentException(file + " was not named when the output was opened");
    }
    if (temporaries.containsKey(target)) {
      throw new IllegalStateException(file + " is written twice");
    }
    if (state != State.OPEN) {
      throw new UncheckedIOException(new FileSystemException(file.toString(), null,
          "the run was interrupted; nothing was written"));
    }
    String name = target.getFileName().toString();
    for (int attempt = 0; ; attempt++) {
      Path temporary = target.resolveSibling("." + name + "." + random() + ".tmp");
      try {
        OutputStream raw = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        temporaries.put(target, temporary);
        Guarded guarded = new Guarded(raw, targets.get(target));
        streams.put(target, guarded);
        return guarded;
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw new UncheckedIOException(failure(e, targets.get(target)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(failure(e, targets.get(target)));
      }
    }
  }

  /** A UTF-8 writer for {@code file}, written to a temporary file until commit. */
  public Writer writer(Path file) {
    return new BufferedWriter(new OutputStreamWriter(stream(file), StandardCharsets.UTF_8),
        1 << 16);
  }

  /** Writes a whole text file. */
  public void write(Path file, String content) {
    try (Writer writer = writer(file)) {
      writer.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Replaces every target with its temporary file, all or none; returns the files as named.
   * Every file opened must have been written and closed.
   */
  public synchronized List<Path> commit() {
    if (state != State.OPEN) {
      throw new UncheckedIOException(new FileSystemException(
          targets.isEmpty() ? null : targets.values().iterator().next().toString(), null,
          "the run was interrupted; nothing was written"));
    }
    for (Path target : targets.keySet()) {
      Guarded stream = streams.get(target);
      if (stream == null || !stream.closed) {
        throw new IllegalStateException(targets.get(target) + " was not written and closed");
      }
    }
    state = State.COMMITTING;
    List<Path> order = new ArrayList<>(targets.keySet());
    Map<Path, Path> backupOf = new LinkedHashMap<>();
    Path current = null;
    try {
      for (Path target : order) {
        current = targets.get(target);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          throw new FileSystemException(targets.get(target).toString(), null,
              "is a directory; compsim writes a file there");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          Path backup = target.resolveSibling("." + target.getFileName() + "." + random()
              + ".bak");
          backups.add(backup);
          try {
            Files.createLink(backup, target);
          } catch (UnsupportedOperationException | IOException e) {
            Files.copy(target, backup, LinkOption.NOFOLLOW_LINKS);
          }
          backupOf.put(target, backup);
        }
      }
    } catch (IOException e) {
      state = State.OPEN;
      throw new UncheckedIOException(failure(e, current));
    }
    int done = 0;
    try {
      for (; done < order.size(); done++) {
        Path target = order.get(done);
        move(temporaries.get(target), target);
      }
    } catch (IOException e) {
      List<String> notRestored = new ArrayList<>();
      for (int i = done - 1; i >= 0; i--) {
        Path target = order.get(i);
        try {
          Path backup = backupOf.get(target);
          if (backup == null) {
            Files.deleteIfExists(target);
          } else {
            move(backup, target);
          }
        } catch (IOException restore) {
          Path backup = backupOf.get(target);
          notRestored.add(targets.get(target) + (backup == null ? ""
              : " (the old file is " + backup + ")"));
          backups.remove(backup); // the only copy of the old file: keep it
        }
      }
      state = State.OPEN;
      FileSystemException failure = failure(e, targets.get(order.get(done)));
      if (!notRestored.isEmpty()) {
        throw new UncheckedIOException(new PartialCommitException(failure, notRestored));
      }
      throw new UncheckedIOException(failure);
    }
    state = State.COMMITTED;
    deleteQuietly(backups);
    return new ArrayList<>(targets.values());
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Removes what is not committed and releases the locks. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNeverAdded) {
      // the hook runs, or never was registered
    }
    abort();
    synchronized (this) {
      state = State.CLOSED;
    }
  }

  /** The shutdown hook, and the end of {@link #close}: temporary files and locks go. */
  private synchronized void abort() {
    if (state == State.CLOSED) {
      return;
    }
    if (state != State.COMMITTED) {
      state = State.ABORTED;
      for (Guarded stream : streams.values()) {
        try {
          stream.close();
        } catch (IOException | RuntimeException ignored) {
          // the file goes anyway
        }
      }
      deleteQuietly(temporaries.values());
    }
    deleteQuietly(backups);
    for (Lock lock : locks) {
      if (lock.exclusive()) {
        // removed while still held, so that nobody locks it after the release
        deleteQuietly(List.of(lock.file()));
      }
      closeQuietly(lock.check());
      closeQuietly(lock.channel());
      HELD.remove(lock.file());
    }
    locks.clear();
    if (state != State.COMMITTED) {
      // deepest first: with nested output directories (a sweep's plans/) the order they were
      // created in is not the order they can be removed in
      List<Path> innermostFirst = new ArrayList<>(created);
      innermostFirst.sort(java.util.Comparator.comparingInt(Path::getNameCount).reversed());
      deleteQuietly(innermostFirst); // only when empty: another run may have put files there
    }
  }

  private static void deleteQuietly(Collection<Path> files) {
    for (Path file : files) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // best effort: a leftover file starts with a dot and ends in .tmp or .bak
      }
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // releases the lock either way
    }
  }

  private static String random() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** {@code e} as a FileSystemException naming {@code file}, the file the user knows. */
  static FileSystemException failure(IOException e, Path file) {
    if (e instanceof FileSystemException fs && (file == null
        || file.toString().equals(fs.getFile()))) {
      return fs;
    }
    FileSystemException named = new FileSystemException(
        file == null ? null : file.toString(), null, describe(e));
    named.initCause(e);
    return named;
  }

  /** The reason of an I/O failure, as a person would say it. */
  public static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof java.nio.file.NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof java.nio.file.DirectoryNotEmptyException) {
      return "is a non-empty directory";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  /** A commit that failed part-way and could not put every file back as it was. */
  public static final class PartialCommitException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    PartialCommitException(FileSystemException cause, List<String> notRestored) {
      super(cause.getFile(), null, describe(cause) + "; these files were replaced and could "
          + "not be restored: " + String.join(", ", notRestored));
      initCause(cause);
    }
  }

  /** Names the target in every write failure; records whether the stream was closed. */
  private static final class Guarded extends FilterOutputStream {
    private final Path target;
    private boolean closed;

    Guarded(OutputStream out, Path target) {
      super(out);
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw failure(e, target);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw failure(e, target);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw failure(e, target);
      }
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.close();
      } catch (IOException e) {
        throw failure(e, target);
      }
    }
  }
}
