package com.trustlens.util;

import java.util.Arrays;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/** Scala sequences for the Spark Java API calls that take them (join using columns). */
public final class Seqs {
  private Seqs() {}

  @SuppressWarnings("deprecation")
  public static Seq<String> of(String... names) {
    return JavaConverters.asScalaBuffer(Arrays.asList(names)).toList();
  }
}
