package com.trustlens.config;

/** The whole configuration of a run: typed, immutable, validated once at start. */
public record TrustLensConfig(
    Inputs inputs,
    Output output,
    Analysis analysis,
    Deception deception,
    Quality quality,
    Privacy privacy,
    SparkSettings spark) {}
