package com.trustlens.deception;

import static com.trustlens.deception.Campaigns.classify;
import static com.trustlens.deception.Campaigns.deceptive;
import static com.trustlens.deception.Campaigns.promo;
import static com.trustlens.deception.Campaigns.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.deception.Campaigns.Campaign;
import com.trustlens.testing.SharedSpark;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every built-in family catches its French and English wording on a promotional send. */
@ExtendWith(SharedSpark.class)
class RuleFamiliesTest {

  /** Classifies the campaigns and checks each is deceptive because of the expected rule. */
  private static void assertCaught(SparkSession spark, Map<String, String> expectedRuleById, Campaign... campaigns) {
    Map<String, Row> out = classify(spark, campaigns);
    expectedRuleById.forEach((id, rule) -> {
      Row r = out.get(id);
      assertTrue(rules(r).contains(rule), id + " should match " + rule + ", matched " + rules(r));
      assertTrue(deceptive(r), id + " should be deceptive: " + r);
    });
  }

  @Test
  void fakeReplyOrForwardPrefixOnAPromotion(SparkSession spark) {
    assertCaught(spark, Map.of(
            "fr", "fake_reply.reply_prefix",
            "en", "fake_reply.reply_prefix",
            "chain", "fake_reply.reply_prefix",
            "noreply", "fake_reply.reply_prefix_from_noreply"),
        promo("fr", "TR : une offre qui devrait vous plaire", "Maison Lumière"),
        promo("en", "Fwd: you'll want to see this", "Brightcart"),
        promo("chain", "RE: RE: quick question", "Oak & Iron"),
        new Campaign("noreply", "promotional", "Re: votre demande", "Brand", "no-reply@brand.example", "fr", null, null));
  }

  @Test
  void followUpOfAnExchangeThatNeverHappened(SparkSession spark) {
    assertCaught(spark, Map.of("fr", "fake_reply.follow_up_fr", "en", "fake_reply.follow_up_en"),
        promo("fr", "Suite à votre appel", "Énergie Douce"),
        promo("en", "Following up on our conversation", "Brightcart"));
  }

  @Test
  void serviceAdvisorPersonalOrManagementAliasOnAPromotion(SparkSession spark) {
    assertCaught(spark, Map.of(
            "service_fr", "false_alias.service_desk",
            "service_en", "false_alias.customer_care",
            "advisor", "false_alias.advisor",
            "first_name", "false_alias.first_name",
            "direction", "false_alias.management",
            "delivery", "false_alias.delivery_desk"),
        promo("service_fr", "Une attention pour vous", "Service Client Sarenza"),
        promo("service_en", "A little something for you", "Customer Care"),
        promo("advisor", "Une offre rien que pour vous", "Votre conseillère Sophie"),
        promo("first_name", "Les nouveautés de la semaine", "Julie"),
        promo("direction", "Une décision exceptionnelle", "La Direction"),
        promo("delivery", "Nos nouveautés", "Service Livraison"));
  }

  @Test
  void apologyAttachedToAnOffer(SparkSession spark) {
    assertCaught(spark, Map.of("fr", "fake_apology.apology_with_offer_fr", "en", "fake_apology.apology_with_offer_en"),
        promo("fr", "Pour nous faire pardonner : prolongation de l'offre", "Sarenza"),
        promo("en", "We're sorry! Here's 20% off to make it up to you", "Brightcart"));
  }

  @Test
  void deadlineThatIsExtended(SparkSession spark) {
    assertCaught(spark, Map.of("fr", "false_urgency.deadline_extended_fr", "en", "false_urgency.deadline_extended_en"),
        promo("fr", "Dernière chance... prolongée jusqu'à dimanche !", "Maison Lumière"),
        promo("en", "Last chance - extended until midnight!", "Brightcart"));
  }

  @Test
  void promotionDressedAsAnOrderParcelOrAccountNotice(SparkSession spark) {
    assertCaught(spark, Map.of(
            "order_fr", "transactional_mimicry.order_fr",
            "parcel_fr", "transactional_mimicry.parcel_fr",
            "account_fr", "transactional_mimicry.account_fr",
            "order_en", "transactional_mimicry.order_en",
            "parcel_en", "transactional_mimicry.parcel_en",
            "account_en", "transactional_mimicry.account_en",
            "notice_en", "transactional_mimicry.notice_en"),
        promo("order_fr", "Votre commande est en attente", "Mode&Co"),
        promo("parcel_fr", "Votre colis vous attend : -20% sur la collection", "Mode&Co"),
        promo("account_fr", "Information importante concernant votre compte", "TéléPlus"),
        promo("order_en", "Your order is on hold", "Northwind"),
        promo("parcel_en", "Your package could not be delivered", "Brightcart"),
        promo("account_en", "Account notice: action required", "Pixel Mobile"),
        promo("notice_en", "Payment received - thanks! Now treat yourself", "Lumen Fitness"));
  }

  @Test
  void fakeInternalMemoOrPersonalFavour(SparkSession spark) {
    assertCaught(spark, Map.of(
            "memo_fr", "fake_memo.internal_memo_fr",
            "favour_fr", "fake_memo.personal_favour_fr",
            "memo_en", "fake_memo.internal_memo_en",
            "favour_en", "fake_memo.personal_favour_en"),
        promo("memo_fr", "Note interne : ne pas diffuser avant lundi", "Boutique du Nord"),
        promo("favour_fr", "J'ai pensé à vous en voyant ce sac", "Boutique du Nord"),
        promo("memo_en", "Internal memo: do not forward", "Oak & Iron"),
        promo("favour_en", "I set this aside for you", "Harbor & Pine"));
  }

  @Test
  void claimThatTheCustomerHasWon(SparkSession spark) {
    assertCaught(spark, Map.of("fr", "prize_bait.you_won_fr", "en", "prize_bait.you_won_en"),
        promo("fr", "Félicitations, vous avez gagné un bon de 50 €", "Brico Soleil"),
        promo("en", "You have won a $100 gift card!", "Greenleaf"));
  }

  @Test
  void pretendedMissedCallOrVisit(SparkSession spark) {
    assertCaught(spark, Map.of("fr", "missed_contact.tried_to_reach_fr", "fr_a", "missed_contact.tried_to_reach_fr",
            "en", "missed_contact.tried_to_reach_en"),
        promo("fr", "Nous avons tenté de vous joindre", "TéléPlus"),
        promo("fr_a", "Nous avons cherché à vous contacter", "TéléPlus"),
        promo("en", "We tried to reach you", "Atlas Bank"));
  }

  @Test
  void theSarenzaMailCombinesAliasAndApology(SparkSession spark) {
    Row r = classify(spark, promo("sarenza", "Pour nous faire pardonner : prolongation de l'offre",
        "Service Client Sarenza")).get("sarenza");
    assertEquals(java.util.List.of("fake_apology.apology_with_offer_fr", "false_alias.service_desk"), rules(r));
    assertEquals(0.84, Campaigns.score(r), 1e-9, "1 - (1 - 0.6) x (1 - 0.6)");
  }
}
