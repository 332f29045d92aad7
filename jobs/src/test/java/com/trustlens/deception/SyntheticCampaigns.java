package com.trustlens.deception;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic campaigns csv (SPEC §2 columns) for timing `trustlens classify` by hand:
 * <pre>
 * mvn -q -B -DskipTests clean package &amp;&amp; mvn -q -B test-compile
 * java -cp target/test-classes:target/trustlens.jar com.trustlens.deception.SyntheticCampaigns /tmp/campaigns-10k.csv 10000
 * time java $(sed -n 's/^spark\.jvm\.flags=//p' conf/jvm.properties) -jar target/trustlens.jar \
 *     classify --campaigns /tmp/campaigns-10k.csv --format csv &gt; /tmp/scores.csv
 * </pre>
 * Subjects and aliases mix honest and deceptive wordings of both languages, about one in five deceptive.
 */
public final class SyntheticCampaigns {
  static final List<String> HONEST_SUBJECTS = List.of(
      "Soldes d'hiver : jusqu'à -50%", "Nouveautés printemps : la collection est arrivée",
      "Livraison gratuite tout le week-end", "Joyeux anniversaire ! -15% pour fêter ça", "Re-découvrez nos best-sellers",
      "Dernières places à ce prix pour Lisbonne", "La lettre du mois : nos coups de cœur", "Dernier jour pour profiter de -20%",
      "Summer sale: up to 50% off", "New arrivals are here", "Free shipping on all orders this weekend",
      "Happy birthday! Enjoy 15% off this month", "The Weekly Edit: 10 things we love", "Get 10% off your next order");
  static final List<String> DECEPTIVE_SUBJECTS = List.of(
      "Pour nous faire pardonner : prolongation de l'offre", "RE: Votre demande concernant l'offre -40%",
      "Votre commande est en attente", "Nous avons tenté de vous joindre", "Félicitations, vous avez gagné un bon de 50 €",
      "Note interne : ne pas diffuser", "Fwd: you'll want to see this", "Your order is on hold",
      "We're sorry! Here's 20% off to make it up to you", "You have won a $100 gift card!", "Last chance - extended until midnight!");
  static final List<String> BRANDS = List.of("Maison Lumière", "Pas à Pas", "Brightcart", "Harbor & Pine", "Vélo Vert", "Oak & Iron");
  static final List<String> ALIASES = List.of("Service Client", "Customer Care", "Votre conseillère Sophie", "Marc", "La Direction");
  static final List<String> KINDS = List.of("promotional", "promotional", "promotional", "newsletter", "transactional", "service");

  private SyntheticCampaigns() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: SyntheticCampaigns OUT.csv COUNT [SEED]");
      System.exit(2);
    }
    write(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 7L);
  }

  /** Writes count campaigns to file, reproducibly for a seed. */
  static void write(Path file, int count, long seed) throws IOException {
    Random random = new Random(seed);
    Instant start = Instant.parse("2025-01-06T08:00:00Z");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("campaign_id,channel,kind,subject,sender_name,sender_address,sent_at,language,label_deceptive\n");
      for (int i = 0; i < count; i++) {
        boolean deceptive = random.nextInt(5) == 0;
        String brand = pick(BRANDS, random);
        String subject = deceptive ? pick(DECEPTIVE_SUBJECTS, random) : pick(HONEST_SUBJECTS, random);
        String alias = deceptive && random.nextBoolean() ? pick(ALIASES, random) : brand;
        String domain = brand.toLowerCase().replaceAll("[^a-z]", "") + ".example";
        String language = random.nextInt(3) == 0 ? "" : (subject.matches(".*\\b(the|your|you|off|on|sale|new)\\b.*") ? "en" : "fr");
        String label = random.nextInt(50) == 0 ? String.valueOf(random.nextBoolean()) : "";
        out.write(String.join(",", "C" + i, "email", pick(KINDS, random), quote(subject), quote(alias),
            "news@" + domain, start.plus(i * 13L, ChronoUnit.MINUTES).toString(), language, label));
        out.write('\n');
      }
    }
  }

  private static String pick(List<String> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  private static String quote(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
