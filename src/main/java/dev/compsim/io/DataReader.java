package dev.compsim.io;

import dev.compsim.model.Activity;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.DealColumns;
import dev.compsim.model.IdPattern;
import dev.compsim.model.Implementation;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Payments;
import dev.compsim.model.Rep;
import dev.compsim.model.Stage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads deals.csv, reps.csv, partners.csv, activities.csv, fx.csv and payments.csv into a
 * {@link DataSet},
 * listing every problem with its file, line and column.
 */
public final class DataReader {
  static final List<String> DEAL_COLUMNS = List.of("deal_id", "owner", "close_date", "amount",
      "stage", "currency", "partner", "partner_role", "sourced_by", "registered",
      "partner_discount", "partner_rep", "assists", "implementation", "implementation_date",
      "territory", "product", "created_date");
  /** Where the CRM's IsWon and IsClosed flags are, after the canonical columns. */
  private static final int IS_WON = DEAL_COLUMNS.size();
  private static final int IS_CLOSED = DEAL_COLUMNS.size() + 1;
  static final List<String> DEAL_REQUIRED = List.of("deal_id", "owner", "close_date", "amount");
  static final List<String> REP_REQUIRED = List.of("rep_id", "quota", "ote");
  static final List<String> PARTNER_REQUIRED = List.of("partner_id", "type");
  static final List<String> ACTIVITY_REQUIRED = List.of("rep", "date", "activity", "count");
  static final List<String> FX_REQUIRED = List.of("currency", "rate_to_plan_currency");
  private static final DateTimeFormatter MONTH_DAY =
      DateTimeFormatter.ofPattern("MM-dd", java.util.Locale.ROOT);

  /** Shares equal strings (owners, partners, territories) among a million deals. */
  private final SharedStrings strings = new SharedStrings();
  /** Shares equal dates among a million deals: a few thousand days, read three times a deal. */
  private final IsoDates dates = new IsoDates();
  private final ColumnMap map;
  private final boolean detect;
  private final String detectedDates;
  /** Whether the deals file was read through a preset or column map. */
  private boolean mapped;
  /** That preset or column map, for payments.csv; null when canonical. */
  private ColumnMap dealsMap;
  /** The deals file's column (1-based) of each canonical column it has, to place problems. */
  private final Map<String, Integer> dealColumns = new HashMap<>();
  /** Cells naming a currency that only the plans can confirm ($ alone, a quota in EUR). */
  private final CurrencyClaims currencyClaims = new CurrencyClaims();
  /** Deals whose currency cell is blank and whose amount names the currency. */
  private final java.util.Set<String> currencyInAmount = new java.util.HashSet<>();

  /** Told the preset a deals file's header revealed, with the file; null: nobody is told. */
  private java.util.function.BiConsumer<Path, String> onDetected;

  /** A reader of canonical files that recognises Salesforce and HubSpot exports by header. */
  public DataReader() {
    this(null, true);
  }

  /**
   * A reader whose deals file is mapped by {@code map} (a preset or a column map file); with a
   * null map, by the preset the header reveals when {@code detect} is set.
   */
  public DataReader(ColumnMap map, boolean detect) {
    this(map, detect, null);
  }

  /** As above; a preset recognised from the header reads dates in {@code detectedDates}. */
  public DataReader(ColumnMap map, boolean detect, String detectedDates) {
    this.map = map;
    this.detect = detect;
    this.detectedDates = detectedDates;
  }

  /**
   * Tells {@code listener} the data as soon as everything but payments.csv is read without a
   * problem, while that file is still to be read: a data set without payments (and so maybe an
   * earlier latest date), for work that reads no payment. Not told without a payments file: the
   * data read is then the whole.
   */
  public DataReader onDealsRead(java.util.function.Consumer<DataSet> listener) {
    this.onDealsRead = listener;
    return this;
  }

  private java.util.function.Consumer<DataSet> onDealsRead;

  /**
   * Tells {@code listener} the name of the preset ({@code salesforce}, {@code hubspot}) that a
   * deals file is read as because its header looks like that CRM's export, so that the user
   * learns why its columns are read the way they are.
   */
  public DataReader onDetected(java.util.function.BiConsumer<Path, String> listener) {
    this.onDetected = listener;
    return this;
  }

  public LoadedData read(DataFiles files) {
    List<Diagnostic> problems = new ArrayList<>();
    DealLines dealLines = new DealLines();
    Map<String, Integer> repLines = new LinkedHashMap<>();
    Map<String, Integer> partnerLines = new LinkedHashMap<>();
    Map<String, Rep> reps = readReps(files.reps(), problems, repLines);
    Map<String, Partner> partners = files.partners() == null ? Map.of()
        : readPartners(files.partners(), problems, partnerLines);
    List<Activity> activities = files.activities() == null ? List.of()
        : readActivities(files.activities(), problems);
    Map<String, BigDecimal> fx = files.fx() == null ? Map.of() : readFx(files.fx(), problems);
    int before = problems.size();
    DealColumns read = readDeals(files.deals(), problems, dealLines);
    boolean dealsComplete = problems.size() == before;
    DataSet data = null; // made only from files read without a problem
    if (problems.isEmpty()) {
      // owners named by name become their ids (a CRM report); nothing else changes, row for row
      data = new DataSet(mapped ? ownersByName(read, reps) : read, reps, partners, activities,
          fx);
      if (files.payments() != null && onDealsRead != null) {
        onDealsRead.accept(data);
      }
    }
    if (files.payments() != null) {
      // read even after a problem elsewhere, so that its own problems are listed too
      Payments payments = PaymentsReader.read(files.payments(), dealLines,
          data != null ? (DealColumns) data.deals() : read, dealsComplete, dealsMap, dates,
          problems);
      data = data != null ? data.withPayments(payments) : null;
    }
    InputException.throwIfAny(problems);
    return new LoadedData(data, files, dealLines, dealColumns, repLines, partnerLines,
        currencyClaims, currencyInAmount);
  }

  /**
   * CRM report exports name owners (Opportunity Owner, Deal owner) where reps.csv has ids: an
   * owner or assist that is no rep_id but exactly one rep's name is that rep.
   */
  private static List<Deal> ownersByName(List<Deal> deals, Map<String, Rep> reps) {
    Map<String, String> byName = new HashMap<>();
    Map<String, Integer> count = new HashMap<>();
    for (Rep rep : reps.values()) {
      if (rep.name() != null) {
        byName.put(rep.name(), rep.id());
        count.merge(rep.name(), 1, Integer::sum);
      }
    }
    byName.keySet().removeIf(name -> count.get(name) > 1 || reps.containsKey(name));
    if (byName.isEmpty()) {
      return deals;
    }
    List<Deal> resolved = new ArrayList<>(deals.size());
    for (Deal deal : deals) {
      Deal d = deal;
      if (!reps.containsKey(d.owner()) && byName.containsKey(d.owner())) {
        d = d.withOwner(byName.get(d.owner()));
      }
      if (!d.assists().isEmpty()) {
        List<String> assists = new ArrayList<>();
        for (String assist : d.assists()) {
          assists.add(reps.containsKey(assist) ? assist : byName.getOrDefault(assist, assist));
        }
        if (!assists.equals(d.assists())) {
          d = d.withAssists(assists);
        }
      }
      resolved.add(d);
    }
    return resolved;
  }

  private String intern(String value) {
    return strings.of(value);
  }

  /**
   * A deals file larger than this many bytes is read in two parts at once ({@link #readSplit});
   * tests set it low to split tiny files.
   */
  long splitAbove = 8L << 20;
  /** Whether the last {@link #readDeals} was read in two parts (for tests). */
  boolean lastReadSplit;

  DealColumns readDeals(Path file, List<Diagnostic> problems, DealLines lines) {
    lastReadSplit = false;
    try {
      if (Files.isRegularFile(file) && Files.size(file) > splitAbove) {
        DealColumns deals = readSplit(file, problems, lines);
        if (deals != null) {
          lastReadSplit = true;
          return deals;
        }
      }
    } catch (IOException e) {
      // the plain read below reports what is wrong with the file
    }
    return readDeals(new CsvTable(file, problems, map, detect, detectedDates), lines)
        .idsAscending(lines.ascending()).build();
  }

  /**
   * Reads the deals file in two parts, cut at a line end near its middle ({@link CsvSplit}):
   * the second part on a thread of its own, each with its own lexer and reader state, then
   * joined in file order. Returns null, having changed nothing, whenever the result could differ
   * from reading in one piece: no cut, a part that cannot be read (a cut inside quotes leaves the
   * first part an unclosed quote; bad bytes, a parse error, a long record, a bad header), a CRM
   * report that ends its data at a blank line, or a deal id in both parts or twice in the second
   * (the duplicate's message names a line). The plain read then gives its answer, diagnostics
   * included.
   */
  private DealColumns readSplit(Path file, List<Diagnostic> problems, DealLines lines)
      throws IOException {
    long middle = Files.size(file) / 2;
    // the second part's thread finds the cut, then reads from it; the first part reads up to
    // the middle meanwhile, and waits for the cut only there
    java.util.concurrent.CompletableFuture<Long> cutAt = new java.util.concurrent.CompletableFuture<>();
    Part second = new Part(file) {
      @Override
      public void run() {
        long cut = -1;
        try {
          cut = CsvSplit.find(file, middle);
        } catch (IOException | RuntimeException e) {
          cut = -1; // the plain read reports what is wrong with the file
        } finally {
          cutAt.complete(cut);
        }
        if (cut >= 0) {
          // its rows' lines count from the cut; the first part counts the lines before it
          table.rangeStart = cut;
          super.run();
        }
      }
    };
    Thread thread = new Thread(second, "csv-read-2 " + file.getFileName());
    thread.setDaemon(true);
    thread.start();
    Part first = new Part(file);
    first.table.rangeEnd = middle;
    first.table.rangeEndLater = cutAt;
    first.run();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    if (first.error != null) {
      throw first.error;
    }
    if (second.error != null) {
      throw second.error;
    }
    if (!first.read || !second.read
        || first.table.active != null && first.table.active.numbersRows()
        || first.lines.sharesAny(second.lines)
        || second.reader.duplicateLines) { // its message names a line counted from the cut
      return null;
    }
    long before = first.table.linesRead; // the physical lines before the cut
    CsvTable merged = new CsvTable(file, problems);
    first.problems.forEach(merged::report);
    for (Diagnostic problem : second.problems) {
      merged.report(problem.line() > 0 ? new Diagnostic(problem.file(),
          Math.toIntExact(problem.line() + before), problem.column(), problem.message())
          : problem);
    }
    lines.addAll(first.lines);
    lines.addAll(second.lines, Math.toIntExact(before));
    DealColumns deals = first.deals.addAll(second.deals).idsAscending(lines.ascending()).build();
    currencyClaims.addAll(first.reader.currencyClaims, 0);
    currencyClaims.addAll(second.reader.currencyClaims, Math.toIntExact(before));
    currencyInAmount.addAll(first.reader.currencyInAmount);
    currencyInAmount.addAll(second.reader.currencyInAmount);
    dealColumns.putAll(first.reader.dealColumns);
    Part last = second.reader.mapped || second.reader.dealsMap != null ? second : first;
    mapped = last.reader.mapped;
    dealsMap = last.reader.dealsMap;
    if (map == null && first.table.active != null && onDetected != null) {
      onDetected.accept(file, first.table.active.name());
    }
    return deals;
  }

  /** What reading the deals left besides deals, problems and lines: for tests of the split. */
  List<Object> dealsState() {
    return List.of(currencyClaims.describe(), new java.util.TreeSet<>(currencyInAmount),
        new java.util.TreeMap<>(dealColumns), mapped,
        String.valueOf(dealsMap == null ? null : dealsMap.name()));
  }

  /** One part of a split read, with a reader of its own: nothing shared while it runs. */
  private class Part implements Runnable {
    final DataReader reader = new DataReader(map, detect, detectedDates);
    final List<Diagnostic> problems = new ArrayList<>();
    final DealLines lines = new DealLines();
    final CsvTable table;
    DealColumns.Builder deals = new DealColumns.Builder(strings.codes());
    /** Whether the part was read to its end with no problem of the file itself. */
    boolean read;
    Error error;

    Part(Path file) {
      table = new CsvTable(file, problems, map, detect, detectedDates);
      // one more problem than shown, so the joined list knows when to say there were more
      table.maxProblems = CsvTable.MAX_PROBLEMS + 1;
      table.capMessage = false;
      table.maxRecordBytes = CsvTable.MAX_RECORD_BYTES / 2;
    }

    @Override
    public void run() {
      try {
        deals = reader.readDeals(table, lines);
        read = reader.tableRead;
      } catch (RuntimeException e) {
        read = false; // the plain read meets it again, and handles it as it always has
      } catch (Error e) {
        error = e;
      }
    }
  }

  /**
   * Whether the last deals table was read to its end: false after a problem of the file itself
   * (a bad header, a parse error, bad bytes), which a split read leaves to the plain read.
   */
  private boolean tableRead;
  /** The pattern {@link #idPrefix} is of, and its prefix as bytes (null when not ASCII). */
  private IdPattern idPattern;
  private byte[] idPrefix;
  /** Whether a deal id was read twice: its message names the earlier line. */
  private boolean duplicateLines;

  private DealColumns.Builder readDeals(CsvTable table, DealLines lines) {
    Path file = table.file;
    DealColumns.Builder deals = new DealColumns.Builder(strings.codes());
    stageOf = new ByCode();
    roleOf = new ByCode();
    sourcedOf = new ByCode();
    registeredOf = new ByCode();
    implementationOf = new ByCode();
    assistsOf = new ByCode();
    mapped = false;
    int[] col = new int[DEAL_COLUMNS.size() + 2];
    tableRead = table.read(DEAL_REQUIRED, header -> {
      for (int i = 0; i < DEAL_COLUMNS.size(); i++) {
        col[i] = header.column(DEAL_COLUMNS.get(i));
        if (col[i] >= 0) {
          dealColumns.put(DEAL_COLUMNS.get(i), col[i] + 1);
        }
      }
      // CRM closed/won flags: the reliable signal where an org renamed its stages
      col[IS_WON] = header.column("iswon") >= 0 ? header.column("iswon")
          : header.column("is closed won");
      col[IS_CLOSED] = header.column("isclosed") >= 0 ? header.column("isclosed")
          : header.column("is closed");
    }, row -> {
      mapped = table.active != null;
      dealsMap = table.active;
      deal(table, row, col, lines, deals);
    });
    if (map == null && table.active != null && onDetected != null) {
      onDetected.accept(file, table.active.name());
    }
    return deals;
  }

  /**
   * Reads the deal of {@code row} into {@code deals}, its fields straight into the columns, or
   * reports what is wrong with it (a duplicate id among them).
   */
  private void deal(CsvTable table, CsvTable.Row row, int[] col, DealLines lines,
      DealColumns.Builder deals) {
    ColumnMap active = table.active;
    boolean ok = true;
    // most ids: read as the number of the ids' pattern, without a string
    IdPattern pattern = col[0] >= 0 ? lines.pattern() : null;
    if (pattern != idPattern) {
      idPattern = pattern;
      idPrefix = pattern == null ? null : pattern.asciiPrefix();
    }
    long idNumber = idPrefix == null ? -1 : row.idNumber(col[0], idPrefix, pattern.width());
    String id = idNumber >= 0 ? null
        : col[0] < 0 && active != null ? "line-" + row.line : row.get(col[0]);
    if (idNumber < 0 && id == null) {
      row.problem(col[0], "deal_id is empty");
      ok = false;
    }
    int owner = row.sharedCode(col[1], strings);
    if (owner == 0) {
      row.problem(col[1], "owner is empty");
      ok = false;
    }
    Stage stage = Stage.WON;
    int stageCode = row.sharedCode(col[4], strings); // few values: each read once (ByCode)
    if (stageCode != 0) {
      int known = stageOf.get(stageCode);
      String stageText = strings.text(stageCode);
      stage = known > 0 ? STAGES[known - 1] : stage(active, stageText);
      if (stage != null) {
        stageOf.put(stageCode, stage.ordinal() + 1);
      } else {
        row.problem(col[4], active == null || active.stages().isEmpty()
            ? "stage \"" + stageText + "\" is not won, lost or open"
            : "stage \"" + stageText + "\" is not in the stages of " + active.name()
                + "; add it there as won, lost or open");
        ok = false;
      }
    }
    if (active != null && stage == Stage.OPEN && col[IS_WON] >= 0) {
      Boolean won = row.get(col[IS_WON]) == null ? null : Values.bool(row.get(col[IS_WON]));
      Boolean closed = col[IS_CLOSED] < 0 || row.get(col[IS_CLOSED]) == null ? null
          : Values.bool(row.get(col[IS_CLOSED]));
      if (Boolean.TRUE.equals(won)) {
        stage = Stage.WON;
      } else if (Boolean.TRUE.equals(closed)) {
        stage = Stage.LOST;
      }
    }
    LocalDate close = date(active, row, col[2], "close_date");
    if (close == null && row.get(col[2]) == null && stage == Stage.WON) {
      row.problem(col[2], "close_date is empty; a won deal needs one");
      ok = false;
    } else if (close == null && row.get(col[2]) != null) {
      ok = false;
    }
    Values.Money money = null;
    BigDecimal amount = null;
    // most amounts: read as digits, without a string or a decimal
    long plainAmount = row.plainUnscaled(col[3]);
    int plainScale = plainAmount < 0 ? 0 : row.plainScale(col[3]);
    String amountText = plainAmount >= 0 ? null : row.get(col[3]);
    if (plainAmount >= 0) {
      // a plain non-negative number: nothing more to check
    } else if (amountText == null && stage != Stage.WON) {
      // open and lost deals pay nothing; exports often leave them blank. A stage that could
      // not be read is the row's problem already: whether it needs an amount is unknown
      amount = BigDecimal.ZERO;
    } else if (amountText == null) {
      row.problem(col[3], "amount is empty; a won deal needs one");
      ok = false;
    } else {
      amount = Values.decimal(amountText);
      if (amount == null) {
        money = Values.money(amountText, table.decimalComma());
        amount = money.value();
      }
      if (money != null && money.problem() != null) {
        row.problem(col[3], "amount \"" + amountText + "\" " + money.problem());
        ok = false;
      } else if (amount == null) {
        row.problem(col[3], "amount \"" + amountText + "\" is not a number");
        ok = false;
      } else if (amount.signum() < 0) {
        row.problem(col[3], "amount " + amountText + " is negative");
        ok = false;
      }
    }
    int currencyCode = row.sharedCode(col[5], strings);
    String currency = strings.text(currencyCode);
    if (currency != null) {
      String upper = currency.toUpperCase(Locale.ROOT);
      if (upper != currency) { // most are written in capitals: the code stands
        currencyCode = strings.code(upper);
        currency = strings.text(currencyCode);
      }
      if (!isoCurrency(currency)) {
        row.problem(col[5], "currency \"" + row.get(col[5]) + "\" is not a 3-letter ISO code");
        ok = false;
      }
    }
    if (money != null && money.value() != null && !money.currencies().isEmpty()) {
      // a currency written in the amount must be the deal's; never dropped, never guessed
      List<String> named = money.currencies();
      String written = money.code() != null ? money.code() : money.symbol();
      if (currency != null && !named.contains(currency)) {
        row.problem(col[3], "amount \"" + amountText + "\" is in " + written
            + (money.code() == null && named.size() > 1
                ? " (one of " + String.join(", ", named) + ")" : "")
            + ", but the deal's currency is " + currency + " (column " + (col[5] + 1) + ")");
        ok = false;
      } else if (currency == null && named.size() == 1) {
        currencyCode = strings.code(named.get(0)); // EUR 50,000.00 or 50.000,00 €: the amount
        currency = strings.text(currencyCode); // says it
        if (col[5] >= 0 && (id != null || idNumber >= 0)) {
          // its currency problems are placed at the amount
          currencyInAmount.add(id != null ? id : pattern.text(idNumber));
        }
      } else if (currency == null) {
        // $ or ¥ alone: the plan's dollar or yen, checked once the plans are read
        currencyClaims.claim(table.file, row.line, col[3] + 1, "amount \"" + amountText + "\"",
            written, named, "the row names no currency of its own and compsim does not guess "
                + "one: give the deal's currency (a currency column, or a code in the cell, "
                + "e.g. " + named.get(0) + " " + money.value().abs().toPlainString() + ")");
      }
    }
    int partnerCode = row.sharedCode(col[6], strings);
    String partner = strings.text(partnerCode);
    PartnerRole role = null;
    int roleCode = row.sharedCode(col[7], strings);
    if (roleCode != 0) {
      int known = roleOf.get(roleCode);
      String roleText = strings.text(roleCode);
      role = known > 0 ? ROLES[known - 1] : partnerRole(roleText);
      if (role != null) {
        roleOf.put(roleCode, role.ordinal() + 1);
      }
      if (role == null) {
        row.problem(col[7], "partner_role \"" + roleText + "\" is not resell, referral or influence");
        ok = false;
      } else if (partner == null) {
        row.problem(col[7], "partner_role is set but partner is empty");
        ok = false;
      }
    }
    boolean sourcedByPartner = false;
    int sourcedCode = row.sharedCode(col[8], strings);
    if (sourcedCode != 0) {
      int known = sourcedOf.get(sourcedCode);
      String sourced = strings.text(sourcedCode);
      Boolean byPartner = known > 0 ? (Boolean) (known == 2) : sourcedByPartner(sourced);
      if (byPartner == null) {
        row.problem(col[8], "sourced_by \"" + sourced + "\" is not vendor or partner");
        ok = false;
      } else {
        sourcedOf.put(sourcedCode, byPartner ? 2 : 1);
        sourcedByPartner = byPartner;
      }
      if (sourcedByPartner && partner == null) {
        row.problem(col[8], "sourced_by is partner but partner is empty");
        ok = false;
      }
    }
    boolean registered = bool(row, col[9], "registered", registeredOf);
    if (registered && partner == null) {
      row.problem(col[9], "registered is true but partner is empty");
      ok = false;
    }
    BigDecimal discount = row.plainDecimal(col[10]); // most discounts: read without a string
    if (discount == null && row.get(col[10]) != null) {
      discount = Values.decimal(row.get(col[10]));
      if (discount == null) {
        row.problem(col[10], "partner_discount \"" + row.get(col[10]) + "\" is not a number");
        ok = false;
      }
    }
    if (discount != null) {
      if (discount.signum() < 0 || discount.compareTo(BigDecimal.ONE) >= 0) {
        row.problem(col[10], "partner_discount must be a fraction in [0, 1), found "
            + row.get(col[10]) + " (25% is 0.25)");
        ok = false;
      } else if (partner == null) {
        row.problem(col[10], "partner_discount is set but partner is empty");
        ok = false;
      }
    }
    int partnerRep = row.sharedCode(col[11], strings);
    int assists = 0; // the names' list as a code of the columns' (0: none)
    int assistText = row.sharedCode(col[12], strings); // a cell seen before: no split
    if (assistText != 0) {
      assists = assistsOf.get(assistText) - 1;
      if (assists < 0) {
        List<String> names = assists(strings.text(assistText));
        assists = names.isEmpty() ? 0 : strings.codes().code(names);
        assistsOf.put(assistText, assists + 1);
      }
    }
    Implementation implementation = Implementation.PENDING;
    int implCode = row.sharedCode(col[13], strings);
    if (implCode != 0) {
      int known = implementationOf.get(implCode);
      String implText = strings.text(implCode);
      implementation = known > 0 ? IMPLEMENTATIONS[known - 1] : implementation(implText);
      if (implementation != null) {
        implementationOf.put(implCode, implementation.ordinal() + 1);
      } else {
        row.problem(col[13], "implementation \"" + implText
            + "\" is not pending, confirmed or failed");
        ok = false;
        implementation = Implementation.PENDING;
      }
    }
    LocalDate implementedOn = date(active, row, col[14], "implementation_date");
    if (implementedOn == null && row.get(col[14]) != null) {
      ok = false;
    }
    int territory = row.sharedCode(col[15], strings);
    int product = row.sharedCode(col[16], strings);
    LocalDate created = date(active, row, col[17], "created_date");
    if (created == null && row.get(col[17]) != null) {
      ok = false;
    }
    if (!ok) {
      return;
    }
    int earlier = id == null ? lines.putIfAbsent(idNumber, row.line)
        : lines.putIfAbsent(id, row.line);
    if (earlier != 0) {
      duplicateLines = true;
      row.problem(col[0], "duplicate deal_id " + (id != null ? id : pattern.text(idNumber))
          + ": also on line " + earlier);
      return;
    }
    if (id == null && plainAmount >= 0) {
      deals.add(pattern, idNumber, owner, close, plainAmount, plainScale, stage, currencyCode,
          partnerCode, role, sourcedByPartner, registered, discount, partnerRep, assists,
          implementation, implementedOn, territory, product, created);
      return;
    }
    if (id == null) {
      id = pattern.text(idNumber);
    }
    if (plainAmount >= 0) {
      deals.add(id, owner, close, plainAmount, plainScale, stage, currencyCode, partnerCode,
          role, sourcedByPartner, registered, discount, partnerRep, assists, implementation,
          implementedOn, territory, product, created);
    } else {
      @SuppressWarnings("unchecked")
      List<String> names = assists == 0 ? List.of() : (List<String>) strings.codes().value(assists);
      deals.add(id, strings.text(owner), close, amount, stage, currency, partner, role,
          sourcedByPartner, registered, discount, strings.text(partnerRep), names,
          implementation, implementedOn, strings.text(territory), strings.text(product),
          created);
    }
  }

  /** Three letters A to Z: what {@code matches("[A-Z]{3}")} accepts, without a regex a deal. */
  static boolean isoCurrency(String code) {
    if (code.length() != 3) {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      char c = code.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  /** {@link Values#isoDate}, one instance a day. */
  LocalDate isoDate(String text) {
    return dates.parse(text);
  }

  /** Each distinct assists cell's names, read once. */
  /**
   * What each code of a deals column of few values was read as, + 1 (0: not yet, or not valid,
   * which is read again for its problem): a row's cell costs a probe, not a parse. Keyed by code
   * in a small table of its own (the codes number every string of the file, a territory's and a
   * product's too, so an array by code could be as long as the file has values).
   */
  private static final class ByCode {
    private int[] codes = new int[16];
    private int[] read = new int[16];
    private int size;

    int get(int code) {
      int mask = codes.length - 1;
      for (int slot = slot(code) & mask; codes[slot] != 0; slot = (slot + 1) & mask) {
        if (codes[slot] == code) {
          return read[slot];
        }
      }
      return 0;
    }

    void put(int code, int value) {
      int mask = codes.length - 1;
      int slot = slot(code) & mask;
      while (codes[slot] != 0 && codes[slot] != code) {
        slot = (slot + 1) & mask;
      }
      if (codes[slot] == 0) {
        codes[slot] = code;
        if (++size * 2 > codes.length) {
          read[slot] = value;
          grow();
          return;
        }
      }
      read[slot] = value;
    }

    private static int slot(int code) {
      int h = code * 0x9E3779B9;
      return h ^ (h >>> 16);
    }

    private void grow() {
      int[] oldCodes = codes;
      int[] oldRead = read;
      codes = new int[oldCodes.length * 2];
      read = new int[oldCodes.length * 2];
      size = 0;
      for (int k = 0; k < oldCodes.length; k++) {
        if (oldCodes[k] != 0) {
          put(oldCodes[k], oldRead[k]);
        }
      }
    }
  }

  // the deals' columns of few values, by code; made anew for each deals table (a column map
  // may name other stages)
  private ByCode stageOf;
  private ByCode roleOf;
  private ByCode sourcedOf;
  private ByCode registeredOf;
  private ByCode implementationOf;
  private ByCode assistsOf;
  private static final Stage[] STAGES = Stage.values();
  private static final PartnerRole[] ROLES = PartnerRole.values();
  private static final Implementation[] IMPLEMENTATIONS = Implementation.values();

  private static PartnerRole partnerRole(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "resell" -> PartnerRole.RESELL;
      case "referral" -> PartnerRole.REFERRAL;
      case "influence" -> PartnerRole.INFLUENCE;
      default -> null;
    };
  }

  /** Whether {@code sourced_by} names the partner; null for neither vendor nor partner. */
  private static Boolean sourcedByPartner(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "vendor" -> false;
      case "partner" -> true;
      default -> null;
    };
  }

  private static Implementation implementation(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "pending" -> Implementation.PENDING;
      case "confirmed" -> Implementation.CONFIRMED;
      case "failed" -> Implementation.FAILED;
      default -> null;
    };
  }

  /** The names of an assists cell: split at {@code ;}, trimmed, empty ones dropped. */
  private List<String> assists(String text) {
    String[] parts = text.split(";");
    List<String> names = new ArrayList<>(parts.length);
    for (String part : parts) {
      String name = part.trim();
      if (!name.isEmpty()) {
        names.add(intern(name));
      }
    }
    return List.copyOf(names);
  }

  private static Stage stage(ColumnMap active, String text) {
    String key = text.toLowerCase(Locale.ROOT);
    if (active != null && !active.stages().isEmpty()) {
      Stage stage = active.stages().get(key);
      return stage != null || !active.otherStagesOpen() ? stage : Stage.OPEN;
    }
    return switch (key) {
      case "won" -> Stage.WON;
      case "lost" -> Stage.LOST;
      case "open" -> Stage.OPEN;
      default -> null;
    };
  }

  /** A date of a mapped export: its pattern, or the CRM's display formats. */
  private LocalDate date(ColumnMap active, CsvTable.Row row, int column, String name) {
    if (active == null) {
      return date(row, column, name);
    }
    String text = row.get(column);
    if (text == null) {
      return null;
    }
    LocalDate date = active.dateFormat() != null ? Values.date(text, active.dateFormat())
        : isoDate(text);
    if (date == null && active.dateFormat() == null && active.lenient()) {
      date = Values.crmDate(text);
    }
    if (date == null && active.dateFormat() != null
        && Values.noSuchDay(text, active.dateFormat())) {
      row.problem(column, name + " \"" + text + "\" is not a date: there is no such day (read "
          + "as " + active.datePattern() + ")");
    } else if (date == null) {
      row.problem(column, name + " \"" + text + "\" is not a date (expected "
          + (active.datePattern() != null ? active.datePattern()
              : "yyyy-MM-dd or M/d/yyyy; for day-first dates give --date-format d/M/yyyy")
          + ")");
    }
    return date;
  }

  private LocalDate date(CsvTable.Row row, int column, String name) {
    LocalDate seen = dates.seen(row.isoDateKey(column)); // most dates: read without a string
    if (seen != null) {
      return seen;
    }
    String text = row.get(column);
    if (text == null) {
      return null;
    }
    LocalDate date = isoDate(text);
    if (date == null) {
      row.problem(column, name + " \"" + text + "\" is not a date (expected yyyy-MM-dd)");
    }
    return date;
  }

  /** {@link #bool} of a deals column, each code read once. */
  private boolean bool(CsvTable.Row row, int column, String name, ByCode memo) {
    int code = row.sharedCode(column, strings);
    int known = memo.get(code);
    if (code == 0 || known > 0) {
      return known == 2;
    }
    boolean value = bool(row, column, name);
    if (Values.bool(strings.text(code)) != null) {
      memo.put(code, value ? 2 : 1);
    }
    return value;
  }

  private boolean bool(CsvTable.Row row, int column, String name) {
    String text = row.shared(column, strings);
    if (text == null) {
      return false;
    }
    Boolean value = Values.bool(text);
    if (value == null) {
      row.problem(column, name + " \"" + text + "\" is not true or false");
      return false;
    }
    return value;
  }

  /** A money cell of reps.csv, in the plan's currency: a currency it names is checked. */
  private BigDecimal nonNegative(CsvTable table, CsvTable.Row row, int column, String name,
      boolean required) {
    String text = row.get(column);
    if (text == null) {
      if (required) {
        row.problem(column, name + " is empty");
      }
      return null;
    }
    BigDecimal value = Values.decimal(text);
    Values.Money money = null;
    if (value == null) {
      money = Values.money(text, row.decimalComma());
      value = money.value();
    }
    if (money != null && money.problem() != null) {
      row.problem(column, name + " \"" + text + "\" " + money.problem());
      return null;
    }
    if (value != null && money != null && !money.currencies().isEmpty()) {
      currencyClaims.claim(table.file, row.line, column + 1, name + " \"" + text + "\"",
          money.code() != null ? money.code() : money.symbol(), money.currencies(),
          "quota and ote are in the plan's currency: write the number alone, in it");
    }
    if (value == null) {
      row.problem(column, name + " \"" + text + "\" is not a number");
    } else if (value.signum() < 0) {
      row.problem(column, name + " " + text + " is negative");
      return null;
    }
    return value;
  }

  Map<String, Rep> readReps(Path file, List<Diagnostic> problems, Map<String, Integer> lines) {
    CsvTable table = new CsvTable(file, problems);
    Map<String, Rep> reps = new LinkedHashMap<>();
    String[] names = {"rep_id", "name", "role", "territory", "quota", "ote"};
    int[] col = new int[names.length];
    table.read(REP_REQUIRED, header -> fill(header, names, col), row -> {
      String id = intern(row.get(col[0]));
      if (id == null) {
        row.problem(col[0], "rep_id is empty");
        return;
      }
      BigDecimal quota = nonNegative(table, row, col[4], "quota", true);
      BigDecimal ote = nonNegative(table, row, col[5], "ote", true);
      if (quota == null || ote == null) {
        return;
      }
      Integer earlier = lines.putIfAbsent(id, row.line);
      if (earlier != null) {
        row.problem(col[0], "duplicate rep_id " + id + ": also on line " + earlier);
        return;
      }
      reps.put(id, new Rep(id, row.get(col[1]), intern(row.get(col[2])),
          intern(row.get(col[3])), quota, ote));
    });
    return reps;
  }

  Map<String, Partner> readPartners(Path file, List<Diagnostic> problems,
      Map<String, Integer> lines) {
    CsvTable table = new CsvTable(file, problems);
    Map<String, Partner> partners = new LinkedHashMap<>();
    String[] names = {"partner_id", "name", "type", "tier", "certifications", "independent",
        "rebate_enrolled", "fiscal_year_start", "manager"};
    int[] col = new int[names.length];
    table.read(PARTNER_REQUIRED, header -> fill(header, names, col), row -> {
      String id = intern(row.get(col[0]));
      if (id == null) {
        row.problem(col[0], "partner_id is empty");
        return;
      }
      String type = intern(row.get(col[2]));
      if (type == null) {
        row.problem(col[2], "type is empty (the partner's business model: VAR, MSSP, SI, ...)");
        return;
      }
      int certifications = 0;
      String certText = row.get(col[4]);
      if (certText != null) {
        try {
          certifications = Integer.parseInt(certText);
        } catch (NumberFormatException e) {
          certifications = -1;
        }
        if (certifications < 0) {
          row.problem(col[4], "certifications \"" + certText + "\" is not a whole number >= 0");
          return;
        }
      }
      MonthDay yearStart = null;
      String startText = row.get(col[7]);
      if (startText != null) {
        try {
          yearStart = MonthDay.parse(startText, MONTH_DAY);
        } catch (DateTimeParseException e) {
          row.problem(col[7], "fiscal_year_start \"" + startText + "\" is not MM-dd");
          return;
        }
        if (yearStart.getDayOfMonth() > 28) {
          row.problem(col[7], "fiscal_year_start must be on day 1 to 28 of a month");
          return;
        }
      }
      Integer earlier = lines.putIfAbsent(id, row.line);
      if (earlier != null) {
        row.problem(col[0], "duplicate partner_id " + id + ": also on line " + earlier);
        return;
      }
      partners.put(id, new Partner(id, row.get(col[1]), type, intern(row.get(col[3])),
          certifications, bool(row, col[5], "independent"), bool(row, col[6], "rebate_enrolled"),
          yearStart, intern(row.get(col[8]))));
    });
    return partners;
  }

  List<Activity> readActivities(Path file, List<Diagnostic> problems) {
    CsvTable table = new CsvTable(file, problems);
    List<Activity> activities = new ArrayList<>();
    String[] names = {"rep", "date", "activity", "count"};
    int[] col = new int[names.length];
    table.read(ACTIVITY_REQUIRED, header -> fill(header, names, col), row -> {
      // reps and activities as the shared instances, read without a string when met before
      String rep = row.shared(col[0], strings);
      LocalDate date = date(row, col[1], "date");
      String activity = row.shared(col[2], strings);
      // most counts: plain digits, read without a string; anything else as before
      long digits = row.plainWhole(col[3]);
      boolean plain = digits >= 0 && digits <= Integer.MAX_VALUE;
      String countText = plain ? null : row.get(col[3]);
      if (rep == null) {
        row.problem(col[0], "rep is empty");
      }
      if (date == null && row.get(col[1]) == null) {
        row.problem(col[1], "date is empty");
      }
      if (activity == null) {
        row.problem(col[2], "activity is empty");
      }
      int count = plain ? (int) digits : -1;
      if (countText != null) {
        try {
          count = Integer.parseInt(countText);
        } catch (NumberFormatException e) {
          count = -1;
        }
      }
      if (count < 0) {
        row.problem(col[3], "count \"" + (countText == null ? "" : countText)
            + "\" is not a whole number >= 0");
      }
      if (rep != null && date != null && activity != null && count >= 0) {
        activities.add(new Activity(rep, date, activity, count));
      }
    });
    return activities;
  }

  Map<String, BigDecimal> readFx(Path file, List<Diagnostic> problems) {
    CsvTable table = new CsvTable(file, problems);
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    String[] names = {"currency", "rate_to_plan_currency"};
    int[] col = new int[names.length];
    table.read(FX_REQUIRED, header -> fill(header, names, col), row -> {
      String currency = row.get(col[0]);
      String rateText = row.get(col[1]);
      if (currency == null || !currency.toUpperCase(Locale.ROOT).matches("[A-Z]{3}")) {
        row.problem(col[0], "currency \"" + (currency == null ? "" : currency)
            + "\" is not a 3-letter ISO code");
        return;
      }
      BigDecimal rate = rateText == null ? null : Values.decimal(rateText);
      if (rate == null || rate.signum() <= 0) {
        row.problem(col[1], "rate_to_plan_currency \"" + (rateText == null ? "" : rateText)
            + "\" is not a number above 0");
        return;
      }
      if (rates.putIfAbsent(currency.toUpperCase(Locale.ROOT), rate) != null) {
        row.problem(col[0], "currency " + currency + " is listed twice");
      }
    });
    return rates;
  }

  private static void fill(CsvTable.Header header, String[] names, int[] col) {
    Arrays.setAll(col, i -> header.column(names[i]));
  }
}
