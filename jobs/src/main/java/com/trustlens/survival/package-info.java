/**
 * Survival of exposed customers against matched controls: how long they stay subscribed
 * (outcome {@code unsubscribe}) and stay customers ({@code churn}: unsubscribe or account closure),
 * as Kaplan-Meier curves, a log-rank test and restricted mean survival times (docs/survival.md).
 *
 * <p>Design decisions:
 * <ul>
 *   <li><b>Exposed</b>: every customer whose first exposure to the treatment falls in the window;
 *       the clock starts at that exposure.
 *   <li><b>Controls</b>: customers never treated in the window ({@code control_group:
 *       never_treated}), or also those treated later ({@code not_yet_treated}, the default; also
 *       used for {@code holdout}, whose held-out customers have no exposure day in
 *       customer_cohorts). A later-treated control is followed until its own first exposure, then
 *       censored; from that exposure on it may be followed again as exposed (two disjoint spells
 *       of one customer, as with a time-varying treatment).
 *   <li><b>Matching, without counting anyone twice</b>: a control could serve on every exposure
 *       day; instead a fixed hash of (treatment, customer) draws one day of its stratum, each day
 *       with the share of that stratum's exposed customers first exposed that day
 *       ({@link com.trustlens.survival.ControlMatching}). The control arm so starts on the same
 *       calendar days, in the same proportions, as the exposed arm, and every control is one
 *       independent subject, as the log-rank and Greenwood variances assume. Its clock starts at
 *       the first send of its matched day.
 *   <li><b>Eligibility</b> (SPEC §5): a customer who unsubscribed or closed the account before
 *       their start (own exposure, or the matched day's first send) could not have received the
 *       mail and is not followed, in either arm and for both outcomes; a control already treated
 *       by its matched day is not a control.
 *   <li><b>Time</b>: whole calendar days in analysis.timezone; day 1 is the start date, so an
 *       unsubscribe on the evening of the mail is on day 1. Ties are handled as R does: on a day,
 *       the outcomes happen before the censorings, whose customers count as at risk that day.
 *   <li><b>Censoring</b>: at the window end (the last day, analysis.end), at a control's own
 *       first exposure (on its day; an outcome counts only strictly before the exposure), and for
 *       unsubscribe at an account closure (a closed account cannot unsubscribe any more: the
 *       competing event censors, giving the cause-specific curve).
 *   <li><b>Strata</b>: with analysis.strata, controls are matched within their stratum, the
 *       log-rank test is stratified (per-stratum O - E and variances summed) and survival_curve
 *       holds one curve per stratum besides the one over all strata ('all'); RMST is that of the
 *       curves over all strata.
 *   <li><b>Only counts reach the driver</b>: subjects stay in Spark; {@link
 *       com.trustlens.survival.SurvivalCounts} reduces them to at-risk, events and censorings per
 *       treatment, outcome, arm, stratum and day, from which the statistics are computed in Java
 *       exactly as R's survival package does (checked to 1e-9 by SurvivalAgainstRIT).
 * </ul>
 */
package com.trustlens.survival;
