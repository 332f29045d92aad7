package com.trustlens.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The whole configuration of a run: typed, immutable, validated once at start. */
public record TrustLensConfig(
    Inputs inputs,
    Output output,
    Analysis analysis,
    Deception deception,
    Quality quality,
    Privacy privacy,
    SparkSettings spark,
    List<TreatmentSpec> treatments,
    Audit audit) {

  public TrustLensConfig {
    // Null entries are kept so that validation can name them (treatments[2]).
    treatments = treatments == null ? null : Collections.unmodifiableList(new ArrayList<>(treatments));
  }

  /** The treatments this run estimates (see {@link TreatmentSpec#active}). */
  public List<TreatmentSpec> activeTreatments() {
    return TreatmentSpec.active(treatments == null ? List.of() : treatments);
  }
}
