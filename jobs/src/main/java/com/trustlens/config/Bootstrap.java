package com.trustlens.config;

/** Multiplier bootstrap settings for uniform confidence bands. */
public record Bootstrap(int replicates, long seed) {}
