package dev.compsim.generate;

import dev.compsim.model.Activity;
import dev.compsim.model.Deal;
import dev.compsim.model.FiscalCalendar;
import dev.compsim.model.FiscalPeriod;
import dev.compsim.model.Implementation;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Payment;
import dev.compsim.model.PeriodLength;
import dev.compsim.model.Rep;
import dev.compsim.model.Stage;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A realistic synthetic data set: reps (account executives who own deals, specialists brought in
 * as assists, channel managers who look after partners), partners of every business model and
 * fiscal calendar, a stream of deals with quarter-end peaks, and weekly activity logs.
 *
 * <p>Deterministic for a seed on every JDK: all randomness comes from Commons RNG's
 * XO_RO_SHI_RO_128_PP (never the JDK's generators, whose streams differ between versions) and
 * {@link StrictMath} shapes the draws. Each table has its own stream, so the deal stream does not
 * change when only the number of deals does. Deals and activities are produced one at a time, so
 * any number of them takes constant memory.
 */
public final class DataGenerator {
  private static final double OPEN_SHARE = 0.08;
  private static final double PARTNER_SHARE = 0.40;
  private static final double MEDIAN_DEAL = 55_000;
  private static final double DEAL_SIGMA = 0.85;
  /** Rough share of closed deals won, over the mix of direct, partner and assisted deals. */
  private static final double EXPECTED_WIN_RATE = 0.47;
  private static final double ASSIST_BASE = 0.18;
  private static final double ASSIST_LARGE = 0.22;
  private static final String[] TERRITORIES = {"East", "Central", "West", "South"};
  private static final String[] FIRST_NAMES = {"Ana", "Ben", "Chloe", "Dev", "Elena", "Farid",
      "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Liam", "Maya", "Nikhil", "Olga", "Pablo",
      "Quinn", "Rosa", "Sami", "Tara", "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe"};
  private static final String[] LAST_NAMES = {"Ruiz", "Okafor", "Martin", "Patel", "Novak",
      "Haddad", "Kim", "Tanaka", "Costa", "Berg", "Adeyemi", "Walsh", "Cohen", "Rao", "Ivanova",
      "Silva", "Moreau", "Lindqvist", "Nguyen", "Schmidt", "Dubois", "Kowalski", "Chen", "Garcia",
      "Osei", "Fischer"};
  private static final String[] PARTNER_NAMES = {"Northwind", "Bluefin", "Cobalt", "Delta",
      "Evergreen", "Falcon", "Granite", "Harbor", "Ironwood", "Juniper", "Keystone", "Lumen",
      "Meridian", "Nimbus", "Orchid", "Pinnacle", "Quarry", "Redwood", "Summit", "Tidewater",
      "Upland", "Vertex", "Willow", "Xenith", "Yardley", "Zephyr"};
  private static final String[] TYPES = {"VAR", "MSSP", "SI", "referral"};
  private static final double[] TYPE_WEIGHTS = {0.4, 0.2, 0.2, 0.2};
  private static final MonthDay[] YEAR_STARTS = {MonthDay.of(2, 1), MonthDay.of(1, 1),
      MonthDay.of(4, 1), MonthDay.of(7, 1), MonthDay.of(10, 1)};
  private static final double[] YEAR_START_WEIGHTS = {0.35, 0.3, 0.15, 0.1, 0.1};
  private static final BigDecimal[] DISCOUNT_OVERRIDES = {new BigDecimal("0.20"),
      new BigDecimal("0.30"), new BigDecimal("0.35"), new BigDecimal("0.40")};
  private static final String[] PRODUCTS = {"Core", "Analytics", "Security"};

  private final GeneratorSettings settings;
  private final List<Rep> reps = new ArrayList<>();
  private final List<Rep> executives = new ArrayList<>();
  private final List<Rep> specialists = new ArrayList<>();
  private final List<Rep> channelManagers = new ArrayList<>();
  private final double[] skill;
  private final List<Partner> partners = new ArrayList<>();
  private final double[] partnerWeight;
  private final int[] partnerSellers;
  private final int dealIdDigits;

  public DataGenerator(GeneratorSettings settings) {
    this.settings = settings;
    UniformRandomProvider rng = stream(1);
    int n = settings.reps();
    int cms = n < 3 || settings.partners() == 0 ? 0 : Math.max(1, (int) Math.round(n * 0.15));
    int ses = n < 3 ? 0 : Math.max(1, (int) Math.round(n * 0.2));
    int aes = n - cms - ses;
    this.skill = new double[aes];
    for (int i = 0; i < aes; i++) {
      skill[i] = 0.6 + 0.8 * rng.nextDouble();
    }
    double years = ChronoUnit.DAYS.between(settings.start(), settings.end()) / 365.25;
    double closed = settings.deals() * (1 - OPEN_SHARE);
    double meanDeal = MEDIAN_DEAL * StrictMath.exp(DEAL_SIGMA * DEAL_SIGMA / 2);
    double wonPerYear = closed * EXPECTED_WIN_RATE * meanDeal / years;
    // quotas near what each seller can expect, so attainment centres on 100%
    double partnerShare = settings.partners() == 0 ? 0 : PARTNER_SHARE * 0.8;
    double assisted = ASSIST_BASE + ASSIST_LARGE * 0.6;
    int repDigits = Math.max(3, digits(n));
    for (int i = 0; i < n; i++) {
      String role = i < aes ? "AE" : i < aes + ses ? "SE" : "CM";
      double expected = switch (role) {
        case "AE" -> wonPerYear / aes;
        case "SE" -> wonPerYear * assisted * 1.1 / ses;
        default -> wonPerYear * partnerShare / cms;
      };
      double ote = switch (role) {
        case "AE" -> 160_000 + 40_000 * rng.nextDouble();
        case "SE" -> 130_000 + 30_000 * rng.nextDouble();
        default -> 140_000 + 35_000 * rng.nextDouble();
      };
      double quota = expected * (0.9 + 0.2 * rng.nextDouble());
      String name = FIRST_NAMES[rng.nextInt(FIRST_NAMES.length)] + " "
          + LAST_NAMES[rng.nextInt(LAST_NAMES.length)];
      Rep rep = new Rep(padded("R", i + 1, repDigits), name, role,
          TERRITORIES[i % TERRITORIES.length], roundQuota(quota),
          BigDecimal.valueOf(Math.round(ote / 5_000) * 5_000));
      reps.add(rep);
      (i < aes ? executives : i < aes + ses ? specialists : channelManagers).add(rep);
    }

    UniformRandomProvider prng = stream(2);
    int p = settings.partners();
    this.partnerWeight = new double[p];
    this.partnerSellers = new int[p];
    NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(prng);
    int[] names = permutation(prng, PARTNER_NAMES.length);
    int[] firstTypes = permutation(prng, TYPES.length);
    int[] firstStarts = permutation(prng, YEAR_STARTS.length);
    DiscreteSampler typeSampler = AliasMethodDiscreteSampler.of(prng, TYPE_WEIGHTS);
    DiscreteSampler startSampler = AliasMethodDiscreteSampler.of(prng, YEAR_START_WEIGHTS);
    int partnerDigits = Math.max(2, digits(p));
    for (int i = 0; i < p; i++) {
      // the first partners cover every type and calendar, so even a small set tells the story
      String type = TYPES[i < TYPES.length ? firstTypes[i] : typeSampler.sample()];
      MonthDay yearStart = YEAR_STARTS[i < YEAR_STARTS.length ? firstStarts[i]
          : startSampler.sample()];
      int certifications = switch (type) {
        case "SI" -> 4 + prng.nextInt(12);
        case "MSSP" -> 2 + prng.nextInt(11);
        case "VAR" -> prng.nextInt(13);
        default -> prng.nextInt(4);
      };
      double independentChance = switch (type) {
        case "VAR" -> 0.7;
        case "MSSP" -> 0.8;
        case "SI" -> 0.5;
        default -> 0.1;
      };
      // resellers join rebate programs; partners who invest in certifications more so
      double rebateChance = switch (type) {
        case "VAR" -> 0.5;
        case "SI" -> 0.35;
        case "MSSP" -> 0.1;
        default -> 0.05;
      } + 0.035 * certifications;
      boolean independent = prng.nextDouble() < independentChance;
      boolean enrolled = prng.nextDouble() < rebateChance;
      String tier = certifications >= 10 ? "Gold" : certifications >= 4 ? "Silver" : "Registered";
      String name = PARTNER_NAMES[names[i % names.length]] + " " + suffix(type, prng)
          + (i < names.length ? "" : " " + (i / names.length + 1));
      String manager = channelManagers.isEmpty() ? null
          : channelManagers.get(i % channelManagers.size()).id();
      partners.add(new Partner(padded("P", i + 1, partnerDigits), name, type, tier,
          certifications, independent, enrolled, yearStart, manager));
      partnerWeight[i] = StrictMath.exp(0.6 * gauss.sample());
      partnerSellers[i] = type.equals("referral") ? 1 + prng.nextInt(2) : 2 + certifications / 4;
    }
    this.dealIdDigits = Math.max(5, digits(settings.deals()));
  }

  public GeneratorSettings settings() {
    return settings;
  }

  /** Reps by id: account executives, then specialists, then channel managers. */
  public List<Rep> reps() {
    return List.copyOf(reps);
  }

  /** Partners by id. */
  public List<Partner> partners() {
    return List.copyOf(partners);
  }

  /** Sends every deal, in deal id order, to {@code sink}. */
  public void deals(Consumer<Deal> sink) {
    UniformRandomProvider rng = stream(3);
    NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    DiscreteSampler owners = AliasMethodDiscreteSampler.of(rng, skill);
    DiscreteSampler partnerPick = partners.isEmpty() ? null
        : AliasMethodDiscreteSampler.of(rng, partnerWeight);
    SeasonalDates closeDates = new SeasonalDates(settings.start(), settings.end());
    LocalDate end = settings.end();
    for (long i = 1; i <= settings.deals(); i++) {
      Rep owner = executives.get(owners.sample());
      long amount = Math.max(1_000,
          Math.round(MEDIAN_DEAL * StrictMath.exp(DEAL_SIGMA * gauss.sample()) / 100) * 100);

      Partner partner = null;
      PartnerRole role = null;
      boolean sourced = false;
      boolean registered = false;
      BigDecimal discount = null;
      String partnerRep = null;
      if (partnerPick != null && rng.nextDouble() < PARTNER_SHARE) {
        int index = partnerPick.sample();
        partner = partners.get(index);
        role = roleFor(partner.type(), rng.nextDouble());
        sourced = rng.nextDouble() < switch (partner.type()) {
          case "VAR" -> 0.45;
          case "MSSP" -> 0.4;
          case "SI" -> 0.5;
          default -> 0.7;
        };
        registered = rng.nextDouble() < (sourced ? 0.85 : 0.1);
        if (role == PartnerRole.RESELL && rng.nextDouble() < 0.04) {
          discount = DISCOUNT_OVERRIDES[rng.nextInt(DISCOUNT_OVERRIDES.length)];
        }
        if (role != PartnerRole.INFLUENCE) {
          partnerRep = partner.id() + "-S" + (1 + rng.nextInt(partnerSellers[index]));
        }
      }

      List<String> assists = assists(owner, amount, rng);

      Stage stage;
      LocalDate close = null;
      LocalDate created;
      if (rng.nextDouble() < OPEN_SHARE) {
        stage = Stage.OPEN; // still in the pipeline: no close date yet
        created = end.minusDays(rng.nextInt(150));
      } else {
        close = closeDates.sample(rng.nextDouble());
        double win = role == null ? 0.42 : role == PartnerRole.INFLUENCE ? 0.47 : 0.52;
        if (!assists.isEmpty()) {
          win += 0.06;
        }
        stage = rng.nextDouble() < win ? Stage.WON : Stage.LOST;
        created = close.minusDays(14 + Math.round(StrictMath.exp(StrictMath.log(45) + 0.6 * gauss.sample())));
      }

      Implementation implementation = Implementation.PENDING;
      LocalDate implementedOn = null;
      if (stage == Stage.WON) {
        long delay = 21 + Math.round(StrictMath.exp(StrictMath.log(55) + 0.6 * gauss.sample()));
        LocalDate outcomeDate = close.plusDays(Math.min(delay, 330));
        boolean stalled = rng.nextDouble() < 0.05; // never confirmed: forfeits a holdback
        double success = 0.84 + (assists.isEmpty() ? 0 : 0.05)
            + (partner != null && partner.independent() && role == PartnerRole.RESELL ? 0.04 : 0);
        boolean confirmed = rng.nextDouble() < success;
        if (!stalled && !outcomeDate.isAfter(end)) {
          implementation = confirmed ? Implementation.CONFIRMED : Implementation.FAILED;
          implementedOn = outcomeDate;
        }
      }
      double productDraw = rng.nextDouble();
      String product = partner != null && partner.type().equals("MSSP")
          ? (productDraw < 0.6 ? "Security" : "Core")
          : PRODUCTS[productDraw < 0.55 ? 0 : productDraw < 0.8 ? 1 : 2];

      sink.accept(new Deal(padded("D-", i, dealIdDigits), owner.id(), close,
          BigDecimal.valueOf(amount), stage, null, partner == null ? null : partner.id(), role,
          sourced, registered, discount, partnerRep, assists, implementation, implementedOn,
          owner.territory(), product, created));
    }
  }

  /**
   * Customer payments against the won deals, drawn from a stream of their own in deal order: feed
   * it the deals of {@link #deals} in the order they come. Only payments made by the end date
   * are written, as in an export taken that day.
   *
   * <ul>
   *   <li>6% of invoices are never paid (disputed, or bad debt).
   *   <li>The rest are invoiced net 30: in one payment (most), in two halves 90 days apart, or, for
   *       larger deals more often, in four quarterly instalments. Each payment comes a log-normal
   *       number of days after it is due (median about a week late; a few early, never before
   *       close).
   *   <li>6% of the payers short-pay the last instalment (50% to 95% of it) and never pay the
   *       rest; 2% of fully paid invoices get a refund of 10% to 25%, one to three months later.
   * </ul>
   */
  public Consumer<Deal> payments(Consumer<Payment> sink) {
    UniformRandomProvider rng = stream(5);
    NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    LocalDate end = settings.end();
    return deal -> {
      if (!deal.won() || rng.nextDouble() < 0.06) {
        return;
      }
      long cents = deal.amount().movePointRight(2).longValueExact();
      double large = deal.amount().doubleValue() > MEDIAN_DEAL * 3 ? 0.25 : 0.08;
      double plan = rng.nextDouble();
      int parts = plan < large ? 4 : plan < large + 0.15 ? 2 : 1;
      int spacing = parts == 4 ? 91 : 90;
      boolean shortPaid = rng.nextDouble() < 0.06;
      long paid = 0;
      LocalDate last = deal.closeDate();
      LocalDate pendingDate = null; // a payment not written yet: a later part may join it
      long pending = 0;
      for (int k = 0; k < parts; k++) {
        long part = k == parts - 1 ? cents - paid : cents / parts;
        LocalDate due = deal.closeDate().plusDays(30L + (long) spacing * k);
        long late = Math.round(StrictMath.exp(StrictMath.log(12) + 0.8 * gauss.sample())) - 5;
        LocalDate date = due.plusDays(late);
        if (date.isBefore(deal.closeDate())) {
          date = deal.closeDate();
        }
        if (k == parts - 1 && shortPaid) {
          part = Math.round(part * (0.5 + 0.45 * rng.nextDouble()));
        }
        paid += part;
        if (pendingDate != null && !date.isAfter(pendingDate)) {
          pending += part; // paid late, together with the next part: one payment of both
          continue;
        }
        if (pendingDate != null && !pendingDate.isAfter(end)) {
          sink.accept(new Payment(deal.id(), pendingDate, BigDecimal.valueOf(pending, 2)));
        }
        pendingDate = date;
        pending = part;
        last = date;
      }
      if (pendingDate != null && !pendingDate.isAfter(end)) {
        sink.accept(new Payment(deal.id(), pendingDate, BigDecimal.valueOf(pending, 2)));
      }
      if (!shortPaid && rng.nextDouble() < 0.02) {
        long refund = Math.round(cents * (0.10 + 0.15 * rng.nextDouble()));
        LocalDate date = last.plusDays(30 + rng.nextInt(61));
        if (!date.isAfter(end)) {
          sink.accept(new Payment(deal.id(), date, BigDecimal.valueOf(-refund, 2)));
        }
      }
    };
  }

  /** Sends weekly activity counts (rows with a count above zero), by date, rep and activity. */
  public void activities(Consumer<Activity> sink) {
    UniformRandomProvider rng = stream(4);
    int n = reps.size();
    DiscreteSampler[] demos = new DiscreteSampler[n];
    DiscreteSampler[] meetings = new DiscreteSampler[n];
    for (int i = 0; i < n; i++) {
      Rep rep = reps.get(i);
      // meetings booked with new prospects and demos given, per week
      double demo = switch (rep.role()) {
        case "AE" -> 1.0 * skill[i];
        case "SE" -> 1.5;
        default -> 0;
      };
      double meeting = switch (rep.role()) {
        case "AE" -> 1.8 * skill[i];
        case "SE" -> 0.5;
        default -> 1.2;
      };
      demos[i] = demo == 0 ? null : PoissonSampler.of(rng, demo);
      meetings[i] = PoissonSampler.of(rng, meeting);
    }
    LocalDate week = settings.start().with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    for (; !week.isAfter(settings.end()); week = week.plusWeeks(1)) {
      for (int i = 0; i < n; i++) {
        String rep = reps.get(i).id();
        int demo = demos[i] == null ? 0 : demos[i].sample();
        int meeting = meetings[i].sample();
        if (demo > 0) {
          sink.accept(new Activity(rep, week, "demo", demo));
        }
        if (meeting > 0) {
          sink.accept(new Activity(rep, week, "meeting", meeting));
        }
      }
    }
  }

  private List<String> assists(Rep owner, long amount, UniformRandomProvider rng) {
    double chance = ASSIST_BASE + (amount > MEDIAN_DEAL * 1.5 ? ASSIST_LARGE : 0);
    if (rng.nextDouble() >= chance) {
      return List.of();
    }
    List<String> team = new ArrayList<>(2);
    if (!specialists.isEmpty()) {
      team.add(specialists.get(rng.nextInt(specialists.size())).id());
    }
    if (team.isEmpty() || rng.nextDouble() < 0.12) {
      // a second specialist, or another account executive brought in for a large account
      List<Rep> pool = specialists.size() > 1 && rng.nextBoolean() ? specialists : executives;
      Rep other = pool.get(rng.nextInt(pool.size()));
      if (!other.id().equals(owner.id()) && !team.contains(other.id())) {
        team.add(other.id());
      }
    }
    return team;
  }

  private static PartnerRole roleFor(String type, double draw) {
    return switch (type) {
      case "VAR" -> draw < 0.85 ? PartnerRole.RESELL : PartnerRole.INFLUENCE;
      case "MSSP" -> draw < 0.9 ? PartnerRole.RESELL : PartnerRole.INFLUENCE;
      case "SI" -> draw < 0.45 ? PartnerRole.RESELL
          : draw < 0.85 ? PartnerRole.INFLUENCE : PartnerRole.REFERRAL;
      default -> draw < 0.85 ? PartnerRole.REFERRAL : PartnerRole.INFLUENCE;
    };
  }

  private static String suffix(String type, UniformRandomProvider rng) {
    String[] options = switch (type) {
      case "VAR" -> new String[] {"Systems", "Technologies", "Resellers"};
      case "MSSP" -> new String[] {"Security", "Managed Services", "Cyber"};
      case "SI" -> new String[] {"Integrators", "Consulting", "Solutions"};
      default -> new String[] {"Advisors", "Partners", "Group"};
    };
    return options[rng.nextInt(options.length)];
  }

  private static BigDecimal roundQuota(double quota) {
    long step = quota >= 100_000 ? 10_000 : 1_000;
    return BigDecimal.valueOf(Math.max(step, Math.round(quota / step) * step));
  }

  private static int[] permutation(UniformRandomProvider rng, int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** {@code prefix} and {@code n} zero-padded to {@code width} digits: D-00042. */
  static String padded(String prefix, long n, int width) {
    String number = Long.toString(n);
    StringBuilder text = new StringBuilder(prefix.length() + Math.max(width, number.length()));
    text.append(prefix);
    for (int i = number.length(); i < width; i++) {
      text.append('0');
    }
    return text.append(number).toString();
  }

  private static int digits(long n) {
    return Long.toString(Math.max(1, n)).length();
  }

  /** An independent generator per table, seeded from the user's seed. */
  private UniformRandomProvider stream(int table) {
    return RandomSource.XO_RO_SHI_RO_128_PP.create(
        new long[] {settings.seed(), 0x9E3779B97F4A7C15L * table});
  }

  /**
   * Close dates with the shape of a sales year: weekends are quiet, the last three weeks of each
   * vendor quarter carry about half of the quarter's deals, and the fiscal year's last quarter is
   * the busiest.
   */
  static final class SeasonalDates {
    private final LocalDate start;
    private final double[] cumulative;

    SeasonalDates(LocalDate start, LocalDate end) {
      this.start = start;
      int days = (int) ChronoUnit.DAYS.between(start, end) + 1;
      FiscalCalendar quarters = new FiscalCalendar(GeneratorSettings.VENDOR_YEAR_START,
          PeriodLength.QUARTER);
      cumulative = new double[days];
      double total = 0;
      FiscalPeriod quarter = null;
      for (int d = 0; d < days; d++) {
        LocalDate date = start.plusDays(d);
        if (quarter == null || !quarter.contains(date)) {
          quarter = quarters.periodOf(date);
        }
        long toEnd = ChronoUnit.DAYS.between(date, quarter.end());
        double weight = toEnd < 7 ? 5.0 : toEnd < 21 ? 3.5 : 1.0;
        if (quarter.number() == 4) {
          weight *= 1.25;
        }
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
          weight *= 0.3;
        }
        total += weight;
        cumulative[d] = total;
      }
      for (int d = 0; d < days; d++) {
        cumulative[d] /= total;
      }
    }

    /** The date at cumulative share {@code u} in [0, 1). */
    LocalDate sample(double u) {
      int lo = 0;
      int hi = cumulative.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulative[mid] <= u) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return start.plusDays(lo);
    }
  }
}
