package com.trustlens.deception;

import static com.trustlens.deception.Campaigns.classify;
import static com.trustlens.deception.Campaigns.deceptive;
import static com.trustlens.deception.Campaigns.ofKind;
import static com.trustlens.deception.Campaigns.promo;
import static com.trustlens.deception.Campaigns.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.deception.Campaigns.Campaign;
import com.trustlens.testing.SharedSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Honest mails that look like deceptive ones are not flagged. */
@ExtendWith(SharedSpark.class)
class GuardsTest {

  private static void assertHonest(Row r) {
    assertFalse(deceptive(r), "should not be deceptive: " + r);
  }

  @Test
  void realTransactionalMailFromAServiceAliasIsNotDeceptive(SparkSession spark) {
    Map<String, Row> out = classify(spark,
        ofKind("transactional", "shipped", "Votre commande n°10293 a été expédiée", "Service Client Sarenza"),
        ofKind("service", "reply", "RE: Votre demande de remboursement n°4471", "Service Client"),
        ofKind("service", "advisor", "Votre conseillère Sophie vous rappelle votre rendez-vous", "Votre conseillère Sophie"),
        ofKind("service", "missed", "We tried to reach you about your claim", "Claims Team"));
    out.values().forEach(r -> assertEquals(List.of(), rules(r), "kind guards every family: " + r));
    out.values().forEach(GuardsTest::assertHonest);
  }

  @Test
  void aMissingKindIsNotAnExcuse(SparkSession spark) {
    Row r = classify(spark, ofKind(null, "nokind", "RE: Votre demande concernant l'offre -40%", "Brand")).get("nokind");
    assertTrue(deceptive(r), r.toString());
  }

  @Test
  void reDecouvrezIsNotAReplyPrefix(SparkSession spark) {
    Map<String, Row> out = classify(spark,
        promo("fr", "Re-découvrez nos best-sellers", "Maison Lumière"),
        promo("en", "Re-discover the classics", "Oak & Iron"),
        promo("retrouvez", "Retrouvez nos classiques", "Oak & Iron"));
    out.values().forEach(r -> assertEquals(List.of(), rules(r), r.toString()));
  }

  @Test
  void dernieresPlacesIsNotDerniereChance(SparkSession spark) {
    Map<String, Row> out = classify(spark,
        promo("fr", "Dernières places à ce prix pour Lisbonne", "Voyages Azur"),
        promo("en", "Last seats at this price to Lisbon", "Skyline Travel"));
    out.values().forEach(r -> assertEquals(List.of(), rules(r), r.toString()));
  }

  @Test
  void honestBirthdayOfferIsNotDeceptive(SparkSession spark) {
    Map<String, Row> out = classify(spark,
        promo("fr", "Joyeux anniversaire Claire ! Votre cadeau vous attend : -15%", "Pas à Pas"),
        promo("en", "Happy birthday, Anna! Your gift is waiting: 15% off this month", "Harbor & Pine"));
    out.values().forEach(r -> assertEquals(List.of(), rules(r), r.toString()));
  }

  @Test
  void plainSaleAndPlainNewsletterAreNotDeceptive(SparkSession spark) {
    Map<String, Row> out = classify(spark,
        promo("soldes", "Soldes d'hiver : jusqu'à -50%", "Boutique du Nord"),
        promo("sale", "Summer sale: up to 50% off", "Northwind Outfitters"),
        promo("free", "Livraison gratuite tout le week-end", "Mode&Co"),
        ofKind("newsletter", "letter", "La lettre du mois : nos coups de cœur", "Librairie Lumen"));
    out.values().forEach(r -> assertEquals(List.of(), rules(r), r.toString()));
  }

  @Test
  void realAccountNoticeOnAServiceMailIsNotDeceptive(SparkSession spark) {
    assertHonest(classify(spark, ofKind("service", "notice", "Account notice: changes to our terms of service",
        "Pixel Mobile")).get("notice"));
  }

  @Test
  void offerOnTheNextOrderIsNotOrderMimicry(SparkSession spark) {
    Map<String, Row> out = classify(spark,
        promo("fr", "-10% sur votre prochaine commande", "Éveil & Malice"),
        promo("en", "Get 10% off your next order", "Greenleaf Market"));
    out.values().forEach(r -> assertEquals(List.of(), rules(r), r.toString()));
  }

  @Test
  void brandNamedLikeAPersonIsNotAPersonalAlias(SparkSession spark) {
    Map<String, Row> out = classify(spark,
        new Campaign("jules", "promotional", "Nouvelle collection homme", "Jules", "news@jules.com", "fr", null, null),
        new Campaign("paul", "promotional", "The new autumn collection", "Paul Smith", "news@paulsmith.com", "en", null, null),
        new Campaign("julie", "promotional", "Les nouveautés", "Julie de Mode&Co", "julie@modeco.fr", "fr", null, null));
    assertHonest(out.get("jules"));
    assertHonest(out.get("paul"));
    assertEquals(List.of("false_alias.first_name"), rules(out.get("julie")), "a person at the brand is still an alias");
  }

  @Test
  void apologyWithoutAnOfferIsNotAFakeApology(SparkSession spark) {
    assertHonest(classify(spark,
        promo("fix", "Nos excuses : le lien de notre précédent e-mail était erroné", "Maison Lumière")).get("fix"));
  }

  @Test
  void contestThatInvitesToPlayIsNotPrizeBait(SparkSession spark) {
    Map<String, Row> out = classify(spark,
        promo("fr", "Tentez de gagner un séjour à Biarritz", "Voyages Azur"),
        promo("en", "Enter for a chance to win a trip to Iceland", "Skyline Travel"));
    out.values().forEach(r -> assertEquals(List.of(), rules(r), r.toString()));
  }

  @Test
  void oneDeadlineIsHonestTheSameDeadlineRepeatedWithinTenDaysIsNot(SparkSession spark) {
    Campaign first = new Campaign("first", "promotional", "Derniers jours : -20% sur les luminaires", "Maison Lumière",
        "news@maison-lumiere.fr", "fr", null, "2025-11-03T08:00:00Z");
    Map<String, Row> out = classify(spark, first,
        new Campaign("again", first.kind(), first.subject(), first.senderName(), first.senderAddress(), "fr", null,
            "2025-11-10T08:00:00Z"),
        new Campaign("other_sender", first.kind(), first.subject(), "Brico Soleil", "promo@bricosoleil.fr", "fr", null,
            "2025-11-11T08:00:00Z"),
        new Campaign("months_later", first.kind(), first.subject(), first.senderName(), first.senderAddress(), "fr",
            null, "2026-01-20T08:00:00Z"));
    assertEquals(List.of("false_urgency.deadline_fr"), rules(out.get("first")));
    assertHonest(out.get("first"));
    assertEquals(List.of("false_urgency.deadline_fr", "false_urgency.deadline_repeated_fr"), rules(out.get("again")));
    assertTrue(deceptive(out.get("again")));
    assertHonest(out.get("other_sender"));
    assertHonest(out.get("months_later"));
  }
}
