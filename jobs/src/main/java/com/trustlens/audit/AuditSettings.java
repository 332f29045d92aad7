package com.trustlens.audit;

import com.trustlens.config.Analysis;
import com.trustlens.config.Audit;
import com.trustlens.period.Periods;
import java.time.LocalDate;

/**
 * What the campaign audit needs from the configuration: the attribution window, the baseline's
 * reach in periods, the long-term horizon and the event time its revenue sum starts at, the
 * confidence of intervals and the smallest cell shown. Customer buckets are the estimation's.
 *
 * @param revenueFrom first event time of the long-term revenue sum: the first period that begins at least
 *     attributionDays after its cohort's period began (1 for weeks and months, attributionDays for days), so
 *     that the sales the short-term part already counts are not counted again
 */
public record AuditSettings(
    Periods periods,
    LocalDate start,
    int attributionDays,
    int baselinePeriods,
    int horizon,
    int revenueFrom,
    double confidence,
    int minCellSize) {

  /** Settings of a run. */
  public static AuditSettings of(Analysis a, Audit audit) {
    Periods periods = new Periods(a.period(), a.zone());
    return new AuditSettings(periods, a.start(), audit.attributionDays(), audit.baselinePeriods(), a.horizon(),
        revenueFrom(periods, a.start(), audit.attributionDays()), a.confidence(), a.minCellSize());
  }

  // Measured from the window's first period (months vary from 28 to 31 days).
  static int revenueFrom(Periods periods, LocalDate start, int attributionDays) {
    LocalDate end = start.plusDays(attributionDays);
    int e = 1;
    for (LocalDate p = periods.next(start); p.isBefore(end); p = periods.next(p)) e++;
    return e;
  }
}
