package com.trustlens.ingest;

import java.util.List;
import java.util.Map;

/**
 * Whether a run can be incremental: either the reason for a full run, or the new files of every
 * input (the inputs only grew since the last complete run).
 *
 * @param fullReason why the run is full, null when it is incremental
 * @param newFiles per input, the paths not read before (empty lists when nothing is new)
 * @param current the state of every input at the start of the run, recorded when it completes
 */
public record RunPlan(String fullReason, Map<String, List<String>> newFiles, Map<String, InputState> current) {
  public RunPlan {
    // In the configuration's order, for the log line.
    newFiles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(newFiles));
    current = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(current));
  }

  public static RunPlan full(String reason, Map<String, InputState> current) {
    return new RunPlan(reason, Map.of(), current);
  }

  public boolean incremental() {
    return fullReason == null;
  }

  /** The same inputs, now read in full for the given reason. */
  public RunPlan fallBack(String reason) {
    return full(reason, current);
  }

  public boolean nothingNew() {
    return newFiles.values().stream().allMatch(List::isEmpty);
  }
}
