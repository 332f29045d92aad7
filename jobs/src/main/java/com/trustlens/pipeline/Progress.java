package com.trustlens.pipeline;

import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line per pipeline step on stderr: what ran, what it produced, how long it took. */
public final class Progress {
  private static final Logger LOG = LoggerFactory.getLogger("com.trustlens.progress");
  private static volatile boolean quiet;

  private Progress() {}

  public static void quiet(boolean q) {
    quiet = q;
  }

  /** Runs a step and logs "step: summary (elapsed)". */
  public static <T> T step(String name, Supplier<T> work, java.util.function.Function<T, String> summary) {
    long t0 = System.nanoTime();
    T result = work.get();
    info(String.format(Locale.ROOT, "%-28s %s (%.1f s)", name, summary.apply(result), (System.nanoTime() - t0) / 1e9));
    return result;
  }

  /** "12,345 rows": the usual summary of a step that wrote a table. */
  public static String rows(long n) {
    return String.format(Locale.ROOT, "%,d rows", n);
  }

  public static void info(String line) {
    if (!quiet) LOG.info(line);
  }

  public static void warn(String line) {
    LOG.warn(line);
  }
}
