package com.trustlens.generate;

import java.util.List;

/**
 * Subjects and senders of the fictional brand "Lumen" (a shoe shop writing in French and English):
 * honest newsletters, promotions, birthday, transactional and service mails, and deceptive mails in
 * the SPEC §4 families. Deceptive and honest promotions share sender addresses, so a campaign audit
 * can compare a deceptive mail with the same sender's honest ones. Some honest subjects carry words
 * the rules look for ("gratuite", "Dernière chance", "cadeau", "Votre commande") to test the guards.
 */
final class CampaignTemplates {
  /** A subject with its sender; {@code offer} is the offer text a false-urgency mail repeats later. */
  record Template(String family, String subject, String senderName, String senderAddress, String offer,
                  boolean lookalike) {
    Template(String family, String subject, String senderName, String senderAddress) {
      this(family, subject, senderName, senderAddress, null, false);
    }
  }

  static final String OFFERS_FR = "offres@lumen-shop.fr";
  static final String OFFERS_EN = "offers@lumen-shop.com";

  static final Template NEWSLETTER_FR = new Template("newsletter", "Nouveautés de la semaine", "Lumen",
      "newsletter@lumen-shop.fr");
  static final Template NEWSLETTER_EN = new Template("newsletter", "Your weekly picks", "Lumen",
      "newsletter@lumen-shop.com");
  static final Template BIRTHDAY_FR = new Template("birthday", "Bon anniversaire : -15 % sur votre prochaine commande",
      "Lumen", OFFERS_FR);
  static final Template BIRTHDAY_EN = new Template("birthday", "Happy birthday: 15% off your next order", "Lumen",
      OFFERS_EN);
  static final Template TERMS_FR = new Template("service_notice", "Mise à jour de nos conditions générales de vente",
      "Lumen", "service@lumen-shop.fr");
  static final Template TERMS_EN = new Template("service_notice", "Update to our terms of sale", "Lumen",
      "service@lumen-shop.com");
  static final Template SUMMER_FR = new Template("promo", "Soldes d'été : -30 % sur les sandales", "Lumen", OFFERS_FR);
  static final Template SUMMER_EN = new Template("promo", "Summer sale: 30% off sandals", "Lumen", OFFERS_EN);

  /** Real shipping confirmations; the order number in the subject is the week's example. */
  static Template order(String audience, int orderNumber) {
    return "fr".equals(audience)
        ? new Template("transactional", "Votre commande n°" + orderNumber + " a été expédiée", "Service Client",
            "service@lumen-shop.fr")
        : new Template("transactional", "Your order #" + orderNumber + " has shipped", "Customer Service",
            "service@lumen-shop.com");
  }

  /** The honest repeat of a false-urgency offer, sent the week after the "last chance". */
  static Template repeatOf(Template lastChance, String audience) {
    return new Template("promo", lastChance.offer(), "Lumen", "fr".equals(audience) ? OFFERS_FR : OFFERS_EN);
  }

  static final List<Template> PROMOS_FR = List.of(
      new Template("promo", "Nouvelle collection printemps", "Lumen", OFFERS_FR),
      new Template("promo", "Les incontournables de la saison", "Lumen", OFFERS_FR),
      new Template("promo", "-20 % sur les baskets ce week-end", "Lumen", OFFERS_FR),
      new Template("promo", "Notre sélection de bottines", "Lumen", OFFERS_FR),
      new Template("promo", "Livraison gratuite dès 50 € d'achat", "Lumen", OFFERS_FR, null, true),
      new Template("promo", "Dernière chance : les soldes se terminent dimanche", "Lumen", OFFERS_FR, null, true),
      new Template("promo", "Idées cadeaux pour la fête des pères", "Lumen", OFFERS_FR, null, true));

  static final List<Template> PROMOS_EN = List.of(
      new Template("promo", "New in: the spring collection", "Lumen", OFFERS_EN),
      new Template("promo", "Season essentials", "Lumen", OFFERS_EN),
      new Template("promo", "20% off trainers this weekend", "Lumen", OFFERS_EN),
      new Template("promo", "Free delivery on orders over 50 euros", "Lumen", OFFERS_EN, null, true));

  static final List<Template> DECEPTIVE_FR = List.of(
      new Template("fake_reply_forward", "RE: votre demande", "Lumen", OFFERS_FR),
      new Template("service_alias", "Une information importante sur vos avantages", "Service Client Lumen", OFFERS_FR),
      new Template("fake_apology", "Pour nous faire pardonner : prolongation de l'offre", "Lumen", OFFERS_FR),
      new Template("false_urgency", "Dernière chance : -30 % sur les sandales, expire ce soir", "Lumen", OFFERS_FR,
          "-30 % sur les sandales", false),
      new Template("transactional_mimicry", "Votre colis vous attend", "Lumen", OFFERS_FR),
      new Template("fake_memo_favour", "Note interne : ne pas diffuser", "Lumen", OFFERS_FR),
      new Template("bait", "Vous avez gagné !", "Lumen", OFFERS_FR),
      new Template("fake_reply_forward", "TR: offre réservée à nos meilleurs clients", "Lumen", OFFERS_FR),
      new Template("service_alias", "Une sélection rien que pour vous", "Votre conseillère Sophie", OFFERS_FR),
      new Template("fake_memo_favour", "J'ai pensé à vous", "Votre conseillère Sophie", OFFERS_FR),
      new Template("service_alias", "Un message de la Direction : -25 % pour vous", "La Direction", OFFERS_FR),
      new Template("transactional_mimicry", "Votre commande est presque prête : -15 % en plus", "Lumen", OFFERS_FR));

  static final List<Template> DECEPTIVE_EN = List.of(
      new Template("fake_reply_forward", "Fwd: your account", "Lumen", OFFERS_EN),
      new Template("service_alias", "A note about your benefits", "Customer Care", OFFERS_EN),
      new Template("fake_apology", "We're sorry - here is 20% off", "Lumen", OFFERS_EN),
      new Template("false_urgency", "Last chance: 30% off sandals, ends tonight", "Lumen", OFFERS_EN,
          "30% off sandals", false),
      new Template("transactional_mimicry", "Your order update", "Lumen", OFFERS_EN),
      new Template("fake_memo_favour", "I set this aside for you", "Sophie from Lumen", OFFERS_EN),
      new Template("bait", "You won a gift", "Lumen", OFFERS_EN));

  private CampaignTemplates() {}
}
