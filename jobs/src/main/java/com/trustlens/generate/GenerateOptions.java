package com.trustlens.generate;

import com.trustlens.config.ConfigException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What to generate: size, window, seed, treatment calendar, holdout design and file layout.
 * Every knob has its {@code _DEFAULT} twin beside it; {@link #validate()} names the option at fault.
 */
public record GenerateOptions(
    String out,
    int customers,
    int weeks,
    long seed,
    LocalDate start,
    ZoneId zone,
    Integer cohorts,
    double holdoutShare,
    boolean brokenHoldout,
    Layout layout,
    int partitions) {

  public static final int CUSTOMERS_DEFAULT = 5000;
  public static final int WEEKS_DEFAULT = 40;
  public static final long SEED_DEFAULT = 7;
  public static final LocalDate START_DEFAULT = LocalDate.of(2025, 1, 6);
  public static final ZoneId ZONE_DEFAULT = ZoneId.of("Europe/Paris");
  /** Default number of deceptive weeks, capped so that 6 clean weeks come first and 3 weeks follow the last. */
  public static final int COHORTS_DEFAULT = 15;
  public static final double HOLDOUT_SHARE_DEFAULT = 0.0;
  /** Clean weeks before the first deceptive week when the window allows it. */
  public static final int CLEAN_WEEKS_BEFORE = 6;
  /** Weeks kept after the last deceptive week when the window allows it. */
  public static final int WEEKS_AFTER_LAST = 3;
  public static final int MAX_WEEKS = 520;

  /** How the four inputs are laid out under --out. */
  public enum Layout {
    /** One file per input (customers.csv, campaigns.jsonl, exposures.csv, events.jsonl). */
    FILES,
    /** One folder of part files per input (customers/, campaigns/, exposures/, events/), for large runs. */
    FOLDERS
  }

  /** The demo defaults, writing to {@code out}. */
  public static GenerateOptions defaults(String out) {
    return new GenerateOptions(out, CUSTOMERS_DEFAULT, WEEKS_DEFAULT, SEED_DEFAULT, START_DEFAULT, ZONE_DEFAULT,
        null, HOLDOUT_SHARE_DEFAULT, false, Layout.FILES, 0);
  }

  public GenerateOptions withSize(int customers, int weeks) {
    return new GenerateOptions(out, customers, weeks, seed, start, zone, cohorts, holdoutShare, brokenHoldout,
        layout, partitions);
  }

  public GenerateOptions withSeed(long seed) {
    return new GenerateOptions(out, customers, weeks, seed, start, zone, cohorts, holdoutShare, brokenHoldout,
        layout, partitions);
  }

  public GenerateOptions withOut(String out) {
    return new GenerateOptions(out, customers, weeks, seed, start, zone, cohorts, holdoutShare, brokenHoldout,
        layout, partitions);
  }

  public GenerateOptions withPartitions(int partitions) {
    return new GenerateOptions(out, customers, weeks, seed, start, zone, cohorts, holdoutShare, brokenHoldout,
        layout, partitions);
  }

  public GenerateOptions withHoldout(double share, boolean broken) {
    return new GenerateOptions(out, customers, weeks, seed, start, zone, cohorts, share, broken, layout, partitions);
  }

  public GenerateOptions withLayout(Layout layout) {
    return new GenerateOptions(out, customers, weeks, seed, start, zone, cohorts, holdoutShare, brokenHoldout,
        layout, partitions);
  }

  /** Checks every option, naming the one at fault (the CLI maps the error to exit code 2). */
  public GenerateOptions validate() {
    require(out != null && !out.isBlank(), "--out", "an output folder is required");
    require(customers >= 1, "--customers", "must be at least 1, got " + customers);
    require(customers <= 99_999_999, "--customers", "must be at most 99,999,999, got " + customers);
    require(weeks >= 1 && weeks <= MAX_WEEKS, "--weeks", "must be between 1 and " + MAX_WEEKS + ", got " + weeks);
    require(start.getDayOfWeek() == DayOfWeek.MONDAY, "--start", start + " is a " + start.getDayOfWeek()
        + "; weeks start on Monday, e.g. 2025-01-06");
    require(cohorts == null || cohorts >= 1, "--cohorts", "must be at least 1, got " + cohorts);
    require(holdoutShare >= 0 && holdoutShare <= 0.9, "--holdout-share", "must be in [0, 0.9], got " + holdoutShare);
    require(!brokenHoldout || holdoutShare > 0, "--broken-holdout", "needs --holdout-share above 0");
    require(partitions >= 0, "--partitions", "must be 0 (automatic) or more, got " + partitions);
    return this;
  }

  private static void require(boolean ok, String option, String message) {
    if (!ok) {
      throw new ConfigException(option, message);
    }
  }

  /** Last day of the window (a Sunday). */
  public LocalDate end() {
    return start.plusWeeks(weeks).minusDays(1);
  }

  /** Held-out share actually drawn: half the declared one when the holdout is deliberately broken. */
  public double actualHoldoutShare() {
    return brokenHoldout ? holdoutShare / 2 : holdoutShare;
  }

  /** Number of weeks that carry deceptive campaigns (--cohorts, capped at the number of weeks). */
  public int deceptiveWeekCount() {
    int wanted = cohorts != null ? cohorts : Math.min(COHORTS_DEFAULT, Math.max(1, weeks - CLEAN_WEEKS_BEFORE - WEEKS_AFTER_LAST));
    return Math.min(wanted, weeks);
  }

  /**
   * Week indexes (0-based) that carry deceptive campaigns: spread evenly after 6 clean weeks and
   * before the last 3, as far as the number asked for allows (52 cohorts over 52 weeks use them all).
   */
  public List<Integer> deceptiveWeeks() {
    int k = deceptiveWeekCount();
    int first = Math.max(0, Math.min(CLEAN_WEEKS_BEFORE, weeks - k));
    int last = Math.min(weeks - 1, Math.max(first + k - 1, weeks - 1 - WEEKS_AFTER_LAST));
    int span = last - first + 1;
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      out.add(first + (int) ((long) i * span / k));
    }
    return out;
  }

  /** Spark partitions of the generated tables: the option, or about 2 million customer-weeks per partition. */
  public int effectivePartitions(int defaultParallelism) {
    if (partitions > 0) {
      return partitions;
    }
    return Math.max(defaultParallelism, (int) Math.min(10_000, (long) customers * weeks / 2_000_000 + 1));
  }
}
