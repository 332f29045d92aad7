package com.trustlens.config;

/**
 * The campaign audit: how long after a customer's send the opens, clicks and purchases carrying
 * the campaign's id count for it, and how far around the campaign's own period its sender's honest
 * campaigns form the baseline.
 */
public record Audit(int attributionDays, int baselinePeriods) {}
