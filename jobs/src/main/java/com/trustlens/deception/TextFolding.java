package com.trustlens.deception;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.replace;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.trim;

import org.apache.spark.sql.Column;

/**
 * Folds campaign text so that rules are written once per wording, in Spark built-in functions.
 * {@link #words} folds case, accents (é to e, ç to c, œ to oe), punctuation and whitespace into
 * single spaces: "Pour nous faire pardonner : -20 %" becomes "pour nous faire pardonner 20 pct".
 * {@link #keepingPunctuation} folds case, accents and whitespace only, so that "RE:" stays
 * distinguishable from "Re-découvrez".
 */
final class TextFolding {
  /** Accented lower-case letters and their plain twins, position by position. */
  static final String ACCENTED = "àáâãäåāçćčèéêëēėęìíîïīñńòóôõöøōùúûüūýÿž";
  static final String PLAIN = "aaaaaaaccceeeeeeeiiiiinnooooooouuuuuyyz";

  private TextFolding() {}

  /** Case, accents, punctuation and whitespace folded; %, €, $ and £ kept as the words pct, eur, usd, gbp. */
  static Column words(Column text) {
    Column s = lettersFolded(text);
    // Amounts carry meaning for rules ("-20 %" is an offer): keep the symbols as words.
    s = replace(s, lit("%"), lit(" pct "));
    s = replace(s, lit("€"), lit(" eur "));
    s = replace(s, lit("$"), lit(" usd "));
    s = replace(s, lit("£"), lit(" gbp "));
    return trim(regexp_replace(s, "[^a-z0-9]+", " "));
  }

  /** Case, accents and whitespace folded; punctuation kept. */
  static Column keepingPunctuation(Column text) {
    return trim(regexp_replace(lettersFolded(text), "\\s+", " "));
  }

  /** The sender field: folded alias, " @ ", folded domain of the address ("jules @ jules com"). */
  static Column sender(Column senderName, Column senderAddress) {
    return concat_ws(" @ ", words(senderName), words(substring_index(coalesce(senderAddress, lit("")), "@", -1)));
  }

  private static Column lettersFolded(Column text) {
    // Literal replace, not regexp_replace: folding runs on every field of every campaign.
    Column s = lower(coalesce(text, lit("")));
    s = replace(s, lit("œ"), lit("oe"));
    s = replace(s, lit("æ"), lit("ae"));
    s = replace(s, lit("ß"), lit("ss"));
    return translate(s, ACCENTED, PLAIN);
  }
}
