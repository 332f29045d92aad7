package com.trustlens.ingest;

import java.util.List;

/**
 * What one input holds when a run starts (or held when the last run read it): its files, the
 * fingerprint of its columns and, for a Delta input, its version and any non-append commit since
 * the version read before.
 *
 * @param shape fingerprint of the columns (CSV headers, Parquet or Delta schema), null when not tracked
 * @param deltaVersion version of a Delta input, null for file inputs
 * @param rewrite description of a Delta commit since the last run that did more than append, else null
 */
public record InputState(String source, List<InputFile> files, String shape, Long deltaVersion, String rewrite) {
  public InputState {
    files = List.copyOf(files);
  }
}
