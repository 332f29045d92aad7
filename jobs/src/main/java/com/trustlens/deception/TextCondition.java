package com.trustlens.deception;

/** A regular expression that must (requires) or must not (unless) match one field of a campaign. */
public record TextCondition(RuleField field, String pattern) {}
