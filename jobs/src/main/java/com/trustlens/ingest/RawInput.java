package com.trustlens.ingest;

/** Names of the technical columns every raw input carries next to its contract columns. */
public final class RawInput {
  /** File the row came from. */
  public static final String FILE = "_file";
  /** The row as read (a line for csv and json, its JSON form for parquet and delta). */
  public static final String RAW = "_raw";
  /** True when the line could not be parsed at all. */
  public static final String MALFORMED = "_malformed";
  /** Columns the contract does not name, as text. */
  public static final String EXTRAS = "extras";

  private RawInput() {}
}
