package com.trustlens.config;

/** Deception scoring: the rules file (null for the built-in rules) and the decision threshold. */
public record Deception(String rules, double threshold) {}
