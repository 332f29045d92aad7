package com.trustlens.generate;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.xxhash64;

import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Column;

/**
 * Deterministic random draws: every uniform is a hash of (seed, stream name, entity ids), in Spark
 * SQL (xxhash64) for rows and with splitmix64 on the driver for the small campaign calendar. Unlike
 * {@code rand()}, a draw never depends on partitioning or evaluation order, and the same draw can be
 * recomputed anywhere (the truth re-derives the draws the generator used).
 */
final class Draws {
  private static final double TWO_POW_53 = 9007199254740992.0;
  private final long seed;

  Draws(long seed) {
    this.seed = seed;
  }

  long seed() {
    return seed;
  }

  /** A uniform in (0, 1), never 0 nor 1, from the stream name and key columns. */
  Column uniform(String stream, Column... keys) {
    Column[] all = new Column[keys.length + 2];
    all[0] = lit(seed);
    all[1] = lit(stream);
    System.arraycopy(keys, 0, all, 2, keys.length);
    return shiftrightunsigned(xxhash64(all), 11).cast("double").plus(0.5).divide(TWO_POW_53);
  }

  /** Driver-side uniform in (0, 1) from the stream name and integer keys (splitmix64). */
  double uniform(String stream, long... keys) {
    long h = mix(seed);
    for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ b);
    }
    for (long k : keys) {
      h = mix(h ^ k);
    }
    return ((h >>> 11) + 0.5) / TWO_POW_53;
  }

  /** Driver-side integer in [0, bound). */
  int choose(int bound, String stream, long... keys) {
    return (int) Math.min(bound - 1, Math.floor(uniform(stream, keys) * bound));
  }

  private static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
