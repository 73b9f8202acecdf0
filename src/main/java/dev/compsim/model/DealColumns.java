package dev.compsim.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The deals of a data set as columns: one primitive or reference array per field of {@link Deal}
 * (dates as epoch days, amounts as unscaled longs with their scale, stages and roles as
 * ordinals), so that a million deals are a few dozen arrays rather than a million records, each
 * with its amount and dates, for the collector to copy and for every pass to chase.
 *
 * <p>It is an immutable {@code List<Deal>}: {@link #get} builds the deal from its columns, equal
 * to the one added (amounts keep their scale). Passes over every deal that read a few fields
 * (the engine's won filter and pay order, the deal table's shapes) read the columns directly.
 */
public final class DealColumns extends AbstractList<Deal> implements RandomAccess {
  /** The epoch day of a date that is not there. */
  public static final int NO_DAY = Integer.MIN_VALUE;
  private static final Stage[] STAGES = Stage.values();
  private static final PartnerRole[] ROLES = PartnerRole.values();
  private static final Implementation[] IMPLEMENTATIONS = Implementation.values();
  private static final byte SOURCED = 1;
  private static final byte REGISTERED = 2;
  private static final DealColumns EMPTY = new DealColumns(new Builder());

  private final int size;
  /**
   * Whether the ids increase strictly with the rows, as the reader found (most exports list
   * them so): then the rows' order is the ids' order. False when unknown.
   */
  private final boolean idsAscending;
  /** The ids' pattern when every id has it: {@link #idNumber} holds them, {@link #id} is null. */
  private final IdPattern idPattern;
  private final long[] idNumber;
  /** Each id, when they do not all have one pattern. */
  private final String[] id;
  /**
   * The text, discount and assist columns as codes into {@link #values} (0 for none): arrays of
   * {@code int}, which a young collection copies without visiting each element.
   */
  private final Object[] values;
  private final int[] owner;
  private final int[] closeDay;
  /** The amount's unscaled value and scale; an amount that does not fit is in {@link #bigAmount}. */
  private final long[] unscaled;
  private final byte[] scale;
  /** Amounts whose unscaled value is not a long or whose scale is not a byte, by deal; or null. */
  private final Map<Integer, BigDecimal> bigAmount;
  private final byte[] stage;
  private final int[] currency;
  private final int[] partner;
  /** The partner role's ordinal, or -1 without a partner. */
  private final byte[] role;
  private final byte[] flags;
  private final int[] partnerDiscount;
  private final int[] partnerRep;
  private final int[] assists;
  private final byte[] implementation;
  private final int[] implementationDay;
  private final int[] territory;
  private final int[] product;
  private final int[] createdDay;
  /** Each date met, built once: three dates a deal among a few thousand days. */
  private final LocalDate[] dates;
  private final int firstDay;

  private DealColumns(Builder b) {
    size = b.size;
    idsAscending = b.idsAscending;
    idPattern = b.idPattern;
    idNumber = idPattern != null ? new long[size] : null;
    id = idPattern != null ? null : new String[size];
    values = b.codes.toArray();
    owner = new int[size];
    closeDay = new int[size];
    unscaled = new long[size];
    scale = new byte[size];
    bigAmount = b.bigAmount == null ? null : Map.copyOf(b.bigAmount);
    stage = new byte[size];
    currency = new int[size];
    partner = new int[size];
    role = new byte[size];
    flags = new byte[size];
    partnerDiscount = new int[size];
    partnerRep = new int[size];
    assists = new int[size];
    implementation = new byte[size];
    implementationDay = new int[size];
    territory = new int[size];
    product = new int[size];
    createdDay = new int[size];
    int at = 0;
    for (Chunk c : b.chunks) {
      int n = c.count;
      if (idPattern != null) {
        System.arraycopy(c.idNumber, 0, idNumber, at, n);
      } else {
        System.arraycopy(c.textIds(), 0, id, at, n);
      }
      System.arraycopy(c.owner, 0, owner, at, n);
      System.arraycopy(c.closeDay, 0, closeDay, at, n);
      System.arraycopy(c.unscaled, 0, unscaled, at, n);
      System.arraycopy(c.scale, 0, scale, at, n);
      System.arraycopy(c.stage, 0, stage, at, n);
      System.arraycopy(c.currency, 0, currency, at, n);
      System.arraycopy(c.partner, 0, partner, at, n);
      System.arraycopy(c.role, 0, role, at, n);
      System.arraycopy(c.flags, 0, flags, at, n);
      System.arraycopy(c.partnerDiscount, 0, partnerDiscount, at, n);
      System.arraycopy(c.partnerRep, 0, partnerRep, at, n);
      System.arraycopy(c.assists, 0, assists, at, n);
      System.arraycopy(c.implementation, 0, implementation, at, n);
      System.arraycopy(c.implementationDay, 0, implementationDay, at, n);
      System.arraycopy(c.territory, 0, territory, at, n);
      System.arraycopy(c.product, 0, product, at, n);
      System.arraycopy(c.createdDay, 0, createdDay, at, n);
      at += n;
    }
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int[] days : new int[][] {closeDay, implementationDay, createdDay}) {
      for (int i = 0; i < size; i++) {
        if (days[i] != NO_DAY) {
          lo = Math.min(lo, days[i]);
          hi = Math.max(hi, days[i]);
        }
      }
    }
    // a span of dates beyond a few centuries is built date by date instead
    boolean cached = lo <= hi && (long) hi - lo < 200_000;
    firstDay = cached ? lo : 0;
    dates = cached ? new LocalDate[hi - lo + 1] : new LocalDate[0];
  }

  /** {@code deals} as columns; the same instance when they already are. */
  public static DealColumns of(List<Deal> deals) {
    if (deals instanceof DealColumns columns) {
      return columns;
    }
    if (deals.isEmpty()) {
      return EMPTY;
    }
    Builder builder = new Builder();
    for (Deal deal : deals) {
      builder.add(deal);
    }
    return builder.build();
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Deal get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return new Deal(id(i), owner(i), date(closeDay[i]), amount(i), STAGES[stage[i]], currency(i),
        partner(i), role[i] < 0 ? null : ROLES[role[i]], (flags[i] & SOURCED) != 0,
        (flags[i] & REGISTERED) != 0, partnerDiscount(i), partnerRep(i), assists(i),
        IMPLEMENTATIONS[implementation[i]], date(implementationDay[i]), territory(i), product(i),
        date(createdDay[i]));
  }

  /** The latest close or implementation date of any deal, or null when none has one. */
  public LocalDate latestCloseOrImplementation() {
    int latest = NO_DAY;
    for (int i = 0; i < size; i++) {
      latest = Math.max(latest, Math.max(closeDay[i], implementationDay[i]));
    }
    return date(latest);
  }

  /** Deal {@code i}'s id; a new string each time when the ids are kept as numbers. */
  public String id(int i) {
    return idPattern != null ? idPattern.text(idNumber[i]) : id[i];
  }

  /** Whether deal {@code i}'s id is {@code other}, without making the id's string. */
  public boolean idEquals(int i, String other) {
    return idPattern != null ? idPattern.number(other) == idNumber[i] : id[i].equals(other);
  }

  /** {@code id(a).compareTo(id(b))} in sign, without making the ids' strings. */
  public int compareIds(int a, int b) {
    return idPattern != null ? Long.compare(idNumber[a], idNumber[b]) : id[a].compareTo(id[b]);
  }

  /** The pattern every id has, kept as numbers; null when they are kept as text. */
  public IdPattern idPattern() {
    return idPattern;
  }

  /** Whether the ids increase strictly with the rows (false when not known). */
  public boolean idsAscending() {
    return idsAscending;
  }

  public String owner(int i) {
    return (String) values[owner[i]];
  }

  /** The close date as an epoch day, or {@link #NO_DAY}. */
  public int closeDay(int i) {
    return closeDay[i];
  }

  /** The close date, or null; the same instance for every deal closed that day. */
  public LocalDate closeDate(int i) {
    return date(closeDay[i]);
  }

  public Stage stage(int i) {
    return STAGES[stage[i]];
  }

  public BigDecimal amount(int i) {
    if (bigAmount != null) {
      BigDecimal big = bigAmount.get(i);
      if (big != null) {
        return big;
      }
    }
    return BigDecimal.valueOf(unscaled[i], scale[i]);
  }

  /**
   * Whether deal {@code i}'s amount is kept as digits and a scale ({@link #unscaled}, {@link
   * #scale}); false for one kept aside as a decimal.
   */
  public boolean inDigits(int i) {
    return bigAmount == null || !bigAmount.containsKey(i);
  }

  /** The digits of deal {@code i}'s amount, when {@link #inDigits}: it is this × 10^-scale. */
  public long unscaled(int i) {
    return unscaled[i];
  }

  /** The scale of deal {@code i}'s amount, when {@link #inDigits}. */
  public int scale(int i) {
    return scale[i];
  }

  /** What {@link #cents} answers for an amount it does not give in whole cents. */
  public static final long NOT_CENTS = Long.MIN_VALUE;

  /**
   * An amount in cents, {@code amount.movePointRight(2).longValueExact()}, or {@link #NOT_CENTS}
   * when that throws (a fraction of a cent, or beyond a long): what {@link #cents} gives a
   * column's amount, for a decimal.
   */
  public static long centsOf(BigDecimal amount) {
    try {
      // (movePointRight keeps a small amount compact: no BigInteger is made, as unscaledValue does)
      return amount.movePointRight(Money.SCALE).longValueExact();
    } catch (ArithmeticException notCents) {
      return NOT_CENTS;
    }
  }

  /**
   * Deal {@code i}'s amount in cents, as {@code amount(i).movePointRight(2).longValueExact()}
   * would give it, read off its digits without a decimal; or {@link #NOT_CENTS} when that
   * throws, or for an amount kept aside as a decimal (ask {@link #amount} then).
   */
  public long cents(int i) {
    return inDigits(i) ? cents(unscaled[i], scale[i]) : NOT_CENTS;
  }

  /**
   * {@link #centsOf} of the decimal {@code digits} × 10^-{@code places}, read off its digits
   * without a decimal: the amounts of the deals and of their payments alike.
   */
  public static long cents(long digits, int places) {
    try {
      for (; places < 2; places++) {
        digits = Money.multiplyExact(digits, 10);
      }
    } catch (ArithmeticException beyondLong) {
      return NOT_CENTS;
    }
    for (; places > 2 && digits != 0; places--) {
      if (digits % 10 != 0) {
        return NOT_CENTS; // a fraction of a cent
      }
      digits /= 10;
    }
    return digits;
  }

  public String currency(int i) {
    return (String) values[currency[i]];
  }

  public String partner(int i) {
    return (String) values[partner[i]];
  }

  /** The partner's role, or null for a direct deal (as {@link Deal#partnerRole()}). */
  public PartnerRole partnerRole(int i) {
    return role[i] < 0 ? null : ROLES[role[i]];
  }

  public boolean partnerSourced(int i) {
    return (flags[i] & SOURCED) != 0;
  }

  public boolean registered(int i) {
    return (flags[i] & REGISTERED) != 0;
  }

  public BigDecimal partnerDiscount(int i) {
    return (BigDecimal) values[partnerDiscount[i]];
  }

  public String partnerRep(int i) {
    return (String) values[partnerRep[i]];
  }

  public Implementation implementation(int i) {
    return IMPLEMENTATIONS[implementation[i]];
  }

  /** The implementation date as an epoch day, or {@link #NO_DAY}. */
  public int implementationDay(int i) {
    return implementationDay[i];
  }

  @SuppressWarnings("unchecked")
  public List<String> assists(int i) {
    return assists[i] == 0 ? List.of() : (List<String>) values[assists[i]];
  }

  /**
   * How many codes the coded fields use ({@link #ownerCode} and the like are below it): equal
   * values have equal codes, 0 stands for none.
   */
  public int codeCount() {
    return values.length;
  }

  /** Deal {@code i}'s owner as a code: owners are equal when their codes are. */
  public int ownerCode(int i) {
    return owner[i];
  }

  /** Deal {@code i}'s assists as a code (0 for none). */
  public int assistsCode(int i) {
    return assists[i];
  }

  /** Deal {@code i}'s currency as a code (0 for none). */
  public int currencyCode(int i) {
    return currency[i];
  }

  /** Deal {@code i}'s partner as a code (0 for none). */
  public int partnerCode(int i) {
    return partner[i];
  }

  /** Deal {@code i}'s partner discount as a code (0 for none); 0.2 and 0.20 apart. */
  public int partnerDiscountCode(int i) {
    return partnerDiscount[i];
  }

  /** Deal {@code i}'s partner seller as a code (0 for none). */
  public int partnerRepCode(int i) {
    return partnerRep[i];
  }

  public String territory(int i) {
    return (String) values[territory[i]];
  }

  public String product(int i) {
    return (String) values[product[i]];
  }

  private LocalDate date(int day) {
    if (day == NO_DAY) {
      return null;
    }
    int at = day - firstDay;
    if (at < 0 || at >= dates.length) {
      return LocalDate.ofEpochDay(day);
    }
    LocalDate date = dates[at];
    if (date == null) {
      date = LocalDate.ofEpochDay(day); // a race builds an equal date twice, which is harmless
      dates[at] = date;
    }
    return date;
  }

  /**
   * Collects deals into columns, their text, discounts and assist lists as codes of one
   * {@link ValueCodes} (equal values kept once). The reader numbers its strings as it meets them
   * and hands over the codes ({@link #Builder(ValueCodes)}), so a deal costs no look-up here.
   * Deals go into chunks of a fixed size, copied once into the columns by {@link #build}: growing
   * one array would copy each deal many times and leave the copies to the collector.
   */
  public static final class Builder {
    private boolean idsAscending;
    /**
     * The pattern of the ids so far, all kept as numbers; null before the first id and once
     * one without it came (then every id is text).
     */
    private IdPattern idPattern;
    /** Whether an id without {@link #idPattern} came: every id is kept as text. */
    private boolean textIds;
    private static final int CHUNK = 1 << 14;
    private final List<Chunk> chunks = new ArrayList<>();
    private Chunk current;
    private int size;
    private Map<Integer, BigDecimal> bigAmount;
    private final ValueCodes codes;

    public Builder() {
      this(new ValueCodes());
    }

    /** A builder whose coded fields are codes of {@code codes}, which it adds to as well. */
    public Builder(ValueCodes codes) {
      this.codes = codes;
    }

    /** The codes the coded fields are numbered by. */
    public ValueCodes codes() {
      return codes;
    }

    public Builder add(Deal deal) {
      return add(deal.id(), deal.owner(), deal.closeDate(), deal.amount(), deal.stage(),
          deal.currency(), deal.partner(), deal.partnerRole(), deal.partnerSourced(),
          deal.registered(), deal.partnerDiscount(), deal.partnerRep(), deal.assists(),
          deal.implementation(), deal.implementationDate(), deal.territory(), deal.product(),
          deal.createdDate());
    }

    /**
     * Adds the deal of these fields, as {@link Deal}'s constructor takes them, without making
     * the record.
     */
    public Builder add(String id, String owner, LocalDate closeDate, BigDecimal amount,
        Stage stage, String currency, String partner, PartnerRole partnerRole,
        boolean partnerSourced, boolean registered, BigDecimal partnerDiscount, String partnerRep,
        List<String> assists, Implementation implementation, LocalDate implementationDate,
        String territory, String product, LocalDate createdDate) {
      Deal.requireFields(id, owner, amount, stage, implementation);
      // the unscaled digits without a BigInteger (unscaledValue makes one for every amount)
      boolean fits = amount.scale() == (byte) amount.scale() && amount.precision() <= 18;
      return add(id, -1, codes.code(owner), closeDate, fits
          ? amount.scaleByPowerOfTen(amount.scale()).longValueExact() : 0,
          fits ? amount.scale() : 0, fits ? null : amount, stage, codes.code(currency),
          codes.code(partner), partnerRole, partnerSourced, registered,
          codes.code(partnerDiscount), codes.code(partnerRep), assistsCode(assists),
          implementation, implementationDate, codes.code(territory), codes.code(product),
          createdDate);
    }

    /**
     * As above, with the amount as the digits and scale of a plain decimal (at most 18 digits,
     * scale 0 to 18; its value {@code unscaled} × 10^-{@code scale}), and the text fields as
     * {@link #codes} (0 for none), the assists' list among them: the reader's way, without a
     * {@code BigDecimal} or a look-up per deal.
     */
    public Builder add(String id, int owner, LocalDate closeDate, long unscaled, int scale,
        Stage stage, int currency, int partner, PartnerRole partnerRole,
        boolean partnerSourced, boolean registered, BigDecimal partnerDiscount, int partnerRep,
        int assists, Implementation implementation, LocalDate implementationDate,
        int territory, int product, LocalDate createdDate) {
      plain(unscaled, scale);
      Deal.requireFields(id, owner == 0 ? null : "", BigDecimal.ZERO, stage, implementation);
      return add(id, -1, owner, closeDate, unscaled, scale, null, stage, currency, partner,
          partnerRole, partnerSourced, registered, codes.code(partnerDiscount), partnerRep,
          assists, implementation, implementationDate, territory, product, createdDate);
    }

    /**
     * As above, with the id given as its number under {@code pattern} (the reader reads most
     * ids as numbers, without a string).
     */
    public Builder add(IdPattern pattern, long idNumber, int owner, LocalDate closeDate,
        long unscaled, int scale, Stage stage, int currency, int partner,
        PartnerRole partnerRole, boolean partnerSourced, boolean registered,
        BigDecimal partnerDiscount, int partnerRep, int assists,
        Implementation implementation, LocalDate implementationDate, int territory,
        int product, LocalDate createdDate) {
      if (pattern != idPattern) {
        if (!pattern.equals(idPattern)) {
          return add(pattern.text(idNumber), owner, closeDate, unscaled, scale, stage, currency,
              partner, partnerRole, partnerSourced, registered, partnerDiscount, partnerRep,
              assists, implementation, implementationDate, territory, product, createdDate);
        }
        idPattern = pattern; // the caller's instance: the next deal's is the same, not equal
      }
      plain(unscaled, scale);
      Deal.requireFields("", owner == 0 ? null : "", BigDecimal.ZERO, stage, implementation);
      return add(null, idNumber, owner, closeDate, unscaled, scale, null, stage, currency,
          partner, partnerRole, partnerSourced, registered, codes.code(partnerDiscount),
          partnerRep, assists, implementation, implementationDate, territory, product,
          createdDate);
    }

    private static void plain(long unscaled, int scale) {
      if (unscaled < 0 || unscaled >= 1_000_000_000_000_000_000L || scale < 0 || scale > 18) {
        throw new IllegalArgumentException("not a plain amount: " + unscaled + "E-" + scale);
      }
    }

    private int assistsCode(List<String> assists) {
      return assists.isEmpty() ? 0 : codes.code(List.copyOf(assists));
    }

    /** The pattern every id added so far has (kept as numbers), or null. */
    public IdPattern idPattern() {
      return idPattern;
    }

    /**
     * Adds a deal whose amount is {@code unscaled} and {@code scale}, or {@code big}; its id is
     * {@code id}, or when that is null, {@code idNumber} under {@link #idPattern}.
     */
    private Builder add(String id, long idNumber, int owner, LocalDate closeDate,
        long unscaled, int scale, BigDecimal big, Stage stage, int currency, int partner,
        PartnerRole partnerRole, boolean partnerSourced, boolean registered,
        int partnerDiscount, int partnerRep, int assists, Implementation implementation,
        LocalDate implementationDate, int territory, int product, LocalDate createdDate) {
      PartnerRole role = partner == 0 ? null : partnerRole == null ? PartnerRole.RESELL
          : partnerRole; // Deal.partnerRole, on the partner's code
      if (current == null || current.count == CHUNK) {
        current = new Chunk(idPattern != null || (size == 0 && !textIds));
        chunks.add(current);
      }
      if (id != null) {
        if (size == 0 && idPattern == null && !textIds) {
          idPattern = IdPattern.of(id);
        }
        idNumber = idPattern == null ? -1 : idPattern.number(id);
        if (idNumber < 0 && idPattern != null) {
          toText();
        }
      }
      Chunk c = current;
      int i = c.count++;
      if (idPattern != null) {
        c.idNumber[i] = idNumber;
      } else {
        c.textIds()[i] = id;
      }
      c.owner[i] = owner;
      c.closeDay[i] = day(closeDate);
      if (big == null) {
        c.unscaled[i] = unscaled;
        c.scale[i] = (byte) scale;
      } else {
        if (bigAmount == null) {
          bigAmount = new HashMap<>();
        }
        bigAmount.put(size, big);
      }
      c.stage[i] = (byte) stage.ordinal();
      c.currency[i] = currency;
      c.partner[i] = partner;
      c.role[i] = role == null ? -1 : (byte) role.ordinal();
      c.flags[i] = (byte) ((partnerSourced ? SOURCED : 0) | (registered ? REGISTERED : 0));
      c.partnerDiscount[i] = partnerDiscount;
      c.partnerRep[i] = partnerRep;
      c.assists[i] = assists;
      c.implementation[i] = (byte) implementation.ordinal();
      c.implementationDay[i] = day(implementationDate);
      c.territory[i] = territory;
      c.product[i] = product;
      c.createdDay[i] = day(createdDate);
      size++;
      return this;
    }

    /**
     * Adds every deal of {@code other}, in its order, taking its chunks as they are (their codes
     * renumbered into this builder's when the two number values apart).
     */
    public Builder addAll(Builder other) {
      if (size == 0 && !textIds) {
        idPattern = other.idPattern;
        textIds = other.textIds;
      } else if (other.size > 0 && !java.util.Objects.equals(idPattern, other.idPattern)) {
        toText(); // ids of two patterns: all as text
        other.toText();
      }
      if (other.bigAmount != null) {
        if (bigAmount == null) {
          bigAmount = new HashMap<>();
        }
        for (Map.Entry<Integer, BigDecimal> big : other.bigAmount.entrySet()) {
          bigAmount.put(size + big.getKey(), big.getValue());
        }
      }
      if (other.codes != codes) {
        int[] to = new int[other.codes.size()];
        for (int code = 1; code < to.length; code++) {
          to[code] = codes.code(other.codes.value(code));
        }
        for (Chunk c : other.chunks) {
          for (int[] column : c.coded()) {
            for (int i = 0; i < c.count; i++) {
              column[i] = to[column[i]];
            }
          }
        }
      }
      chunks.addAll(other.chunks);
      current = null; // a partial chunk of the other builder is never written again
      size += other.size;
      return this;
    }

    public DealColumns build() {
      return size == 0 ? EMPTY : new DealColumns(this);
    }

    /**
     * Declares that the ids added increase strictly, deal after deal (the reader's deal lines
     * know it without comparing again); the pay order then takes the rows' order for the ids'.
     */
    public Builder idsAscending(boolean ascending) {
      idsAscending = ascending;
      return this;
    }

    /** Keeps every id as text from now on, those so far too. */
    private void toText() {
      if (idPattern != null) {
        for (Chunk c : chunks) {
          String[] text = c.textIds();
          for (int i = 0; i < c.count; i++) {
            text[i] = idPattern.text(c.idNumber[i]);
          }
        }
      }
      idPattern = null;
      textIds = true;
    }

    private static int day(LocalDate date) {
      return date == null ? NO_DAY : Math.toIntExact(date.toEpochDay());
    }
  }

  /** A builder's columns for up to {@code Builder.CHUNK} deals. */
  private static final class Chunk {
    int count;
    /** The ids as numbers, and as text once one id is not of the pattern (made then). */
    final long[] idNumber;
    private String[] id;
    final int[] owner = new int[Builder.CHUNK];
    final int[] closeDay = new int[Builder.CHUNK];
    final long[] unscaled = new long[Builder.CHUNK];
    final byte[] scale = new byte[Builder.CHUNK];
    final byte[] stage = new byte[Builder.CHUNK];
    final int[] currency = new int[Builder.CHUNK];
    final int[] partner = new int[Builder.CHUNK];
    final byte[] role = new byte[Builder.CHUNK];
    final byte[] flags = new byte[Builder.CHUNK];
    final int[] partnerDiscount = new int[Builder.CHUNK];
    final int[] partnerRep = new int[Builder.CHUNK];
    final int[] assists = new int[Builder.CHUNK];
    final byte[] implementation = new byte[Builder.CHUNK];
    final int[] implementationDay = new int[Builder.CHUNK];
    final int[] territory = new int[Builder.CHUNK];
    final int[] product = new int[Builder.CHUNK];
    final int[] createdDay = new int[Builder.CHUNK];

    /** @param numbered whether its ids start as numbers (else only text is kept) */
    Chunk(boolean numbered) {
      idNumber = numbered ? new long[Builder.CHUNK] : null;
      id = numbered ? null : new String[Builder.CHUNK];
    }

    String[] textIds() {
      if (id == null) {
        id = new String[Builder.CHUNK];
      }
      return id;
    }

    /** The columns of codes. */
    int[][] coded() {
      return new int[][] {owner, currency, partner, partnerDiscount, partnerRep, assists,
          territory, product};
    }
  }
}
