package com.trustlens.config;

/** Data quality gate: the share of quarantined rows per input above which a run fails. */
public record Quality(double maxBadFraction) {}
