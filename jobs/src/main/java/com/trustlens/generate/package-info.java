/**
 * Synthetic CRM generator with planted, exactly known effects ({@code trustlens generate}).
 *
 * <p><b>Files.</b> customers.csv (contract columns plus {@code loyalty_points}), campaigns.jsonl,
 * exposures.csv, events.jsonl, truth.json; with {@code --layout folders} one folder of part files
 * per input instead (each CSV part starts with the header), for 1M+ customers. Output goes through
 * Hadoop's FileSystem, so the folder may be any Hadoop URI.
 *
 * <p><b>Determinism.</b> Every random draw is {@code xxhash64(seed, stream, ids...)} turned into a
 * uniform ({@link com.trustlens.generate.Draws}), never {@code rand()}; files are written in a
 * global sort order ({@link com.trustlens.generate.RawWriter}), so one seed gives the same bytes
 * whatever the partitioning.
 *
 * <p><b>Model.</b> Segments gold, silver, bronze, new ({@link com.trustlens.generate.SegmentProfile})
 * differ in weekly open, click and purchase propensities, their time trends, exit hazards and how
 * often deceptive mails target them. Each week a customer who is still reachable gets a newsletter,
 * promotions (random within segment rates), sometimes a transactional, birthday or service mail,
 * and in deceptive weeks possibly deceptive ones ({@link com.trustlens.generate.CampaignCalendar}).
 * Weekly outcomes are drawn from week-level probabilities ({@link com.trustlens.generate.Behaviour});
 * the events then place them on the week's mails ({@link com.trustlens.generate.ActivityModel}).
 * Exit weeks are geometric, drawn in closed form by inverting a piecewise survival function
 * ({@link com.trustlens.generate.CustomerModel}).
 *
 * <p><b>Planted effects.</b> From a customer's first delivered deceptive mail (cohort g):
 * {@link com.trustlens.generate.DeceptionEffects#standard(int)} (opens +15 % in week g, then -12 %
 * to -20 % and a partial recovery to -10 %; clicks per open -10 %; purchases -12 % to a lasting
 * -18 %; unsubscribe hazard x3, closing x2, complaints x4; NPS -1.5), and the deceptive mail is
 * opened three times as often as the same sender's honest promotions. Late birthday mails and
 * unanswered service contacts have smaller effects of their own
 * ({@link com.trustlens.generate.IncidentEffect}).
 *
 * <p><b>Truth.</b> truth.json lists the model, campaigns, holdouts, incidents, every injected bad
 * row with its expected ingest reason, duplicate counts, and the expected ATT(g, t) and ATT(e),
 * computed exactly from the model's probabilities ({@link com.trustlens.generate.ExpectedEffects}).
 */
package com.trustlens.generate;
