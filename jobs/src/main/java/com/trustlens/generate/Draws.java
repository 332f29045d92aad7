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

  /**
   * A uniform in (0, 1), never 0 nor 1, from the stream name and numeric key columns (customer
   * number, week, campaign number). Keys are hashed as longs, so an int week and a long week give
   * the same draw; numeric keys also keep Spark's generated code small.
   */
  Column uniform(String stream, Column... keys) {
    Column[] all = new Column[keys.length + 2];
    all[0] = lit(seed);
    all[1] = lit(streamId(stream));
    for (int i = 0; i < keys.length; i++) {
      all[i + 2] = keys[i].cast("long");
    }
    return shiftrightunsigned(xxhash64(all), 11).cast("double").plus(0.5).divide(TWO_POW_53);
  }

  /** A uniform in (0, 1) keyed by a text column (a line's event_id), for the few draws made per written line. */
  Column uniformOfText(String stream, Column text) {
    return shiftrightunsigned(xxhash64(lit(seed), lit(streamId(stream)), text), 11).cast("double").plus(0.5)
        .divide(TWO_POW_53);
  }

  /** A stable number for a stream name (splitmix64 over its UTF-8 bytes, independent of the seed). */
  static long streamId(String stream) {
    long h = 0;
    for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ b);
    }
    return h;
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
