package com.trustlens.generate;

import java.time.Instant;
import java.util.Map;

/**
 * One generated campaign: what campaigns.jsonl says about it, plus what the generator knows and
 * the file does not (whether it is deceptive, its family, who it targets and how hard).
 *
 * @param id campaign_id
 * @param week 0-based week of its launch
 * @param kind promotional, transactional, service or newsletter
 * @param family subject family: a SPEC §4 deception family, or an honest one (newsletter, promo, ...)
 * @param deceptive whether the generator planted it as deceptive
 * @param audience language of the customers it is sent to (fr or en)
 * @param subject subject line
 * @param senderName display alias
 * @param senderAddress sender e-mail address
 * @param launch sent_at of the campaign
 * @param language language written in the file, or null when the file leaves it out
 * @param labelDeceptive manual label written in the file, or null when there is none
 * @param declaredHoldoutShare holdout_share written in the file, or null
 * @param actualHoldoutShare share of the targeted customers actually held out
 * @param bounceRate probability that a send bounces
 * @param openShare probability that the mail is opened in a week with an open (1 for the newsletter,
 *     which carries the week's open)
 * @param reach probability of targeting a customer, by segment
 * @param birthday whether it is the birthday campaign (sent to customers whose birthday falls in its week)
 * @param repeats id of the deceptive "last chance" campaign whose offer this one repeats, or null
 */
public record Campaign(
    String id,
    int week,
    String kind,
    String family,
    boolean deceptive,
    String audience,
    String subject,
    String senderName,
    String senderAddress,
    Instant launch,
    String language,
    Boolean labelDeceptive,
    Double declaredHoldoutShare,
    double actualHoldoutShare,
    double bounceRate,
    double openShare,
    Map<String, Double> reach,
    boolean birthday,
    String repeats) {

  public Campaign {
    reach = Map.copyOf(reach);
  }
}
