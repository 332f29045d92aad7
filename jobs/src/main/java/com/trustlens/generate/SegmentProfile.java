package com.trustlens.generate;

/**
 * How the customers of one segment behave when nothing happens to them: weekly propensities with
 * their own linear time trend, exit and complaint hazards, and how hard deceptive mails target them.
 *
 * <p>Weekly propensities are multiplied by the customer's engagement (uniform 0.6-1.4, mean 1) and
 * by the common seasonal factor; trends are multiplicative ({@code 1 + trend * week}, floored at 0.1).
 *
 * @param name segment value written in customers.csv
 * @param share share of customers in the segment
 * @param openRate weekly probability of at least one email_open
 * @param openTrend per-week relative change of openRate (segment-specific trend)
 * @param clickGivenOpen probability of an email_click in a week with an open
 * @param purchaseRate weekly probability of a purchase
 * @param purchaseTrend per-week relative change of purchaseRate
 * @param browseRate weekly probability of a site_visit not tied to a purchase
 * @param unsubscribeHazard weekly unsubscribe probability of a reachable customer
 * @param closeHazard weekly account_closed probability of a reachable customer
 * @param complaintHazard weekly spam_complaint probability of a reachable customer
 * @param promoReach probability of being targeted by each promotional campaign
 * @param deceptiveReach expected number of deceptive campaigns targeting a customer over the window
 * @param meanAmount mean purchase amount (amounts are uniform on 0.4-1.6 times this)
 * @param npsMean mean NPS answer before any incident
 * @param signupDaysMin fewest days between signup and the window start
 * @param signupDaysMax most days between signup and the window start
 * @param loyaltyMin fewest loyalty points
 * @param loyaltyMax most loyalty points
 */
public record SegmentProfile(
    String name,
    double share,
    double openRate,
    double openTrend,
    double clickGivenOpen,
    double purchaseRate,
    double purchaseTrend,
    double browseRate,
    double unsubscribeHazard,
    double closeHazard,
    double complaintHazard,
    double promoReach,
    double deceptiveReach,
    double meanAmount,
    double npsMean,
    int signupDaysMin,
    int signupDaysMax,
    int loyaltyMin,
    int loyaltyMax) {

  /** The same segment with its exit and complaint hazards multiplied (for sharper truth tests). */
  public SegmentProfile withHazardsTimes(double factor) {
    return new SegmentProfile(name, share, openRate, openTrend, clickGivenOpen, purchaseRate, purchaseTrend,
        browseRate, unsubscribeHazard * factor, closeHazard * factor, complaintHazard * factor, promoReach,
        deceptiveReach, meanAmount, npsMean, signupDaysMin, signupDaysMax, loyaltyMin, loyaltyMax);
  }
}
