package com.trustlens.deception;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The language a campaign's rules are chosen by: its own language column when it says fr or en
 * (also "FR", "fr-FR", "en_GB"), else detected from the subject and alias. Detection counts the
 * distinct French and English marker words (function words and a few frequent offer words) of the
 * folded text, plus one French point when the
 * raw text has a French accent (é, è, ê, à, ù, ç, œ...); the larger count wins and a tie (no
 * evidence) leaves the language null, in which case rules of both languages apply.
 */
final class LanguageDetection {
  /** Words frequent in French subjects and absent from English ones (after accent folding). */
  static final List<String> FRENCH = List.of(
      "le", "la", "les", "des", "du", "un", "une", "et", "est", "vous", "votre", "vos", "nous", "notre",
      "nos", "pour", "avec", "sur", "dans", "pas", "ce", "cette", "ces", "qui", "que", "au", "aux", "mon",
      "ma", "mes", "ton", "ta", "tes", "sa", "ses", "chez", "tout", "tous", "toute", "toutes", "jusqu",
      "ete", "deja", "tres", "mais", "ou", "ne", "moins", "avez", "sont", "sommes", "nouveau", "nouvelle",
      "offert", "offerte");

  /** Words frequent in English subjects and absent from French ones. */
  static final List<String> ENGLISH = List.of(
      "the", "and", "you", "your", "for", "with", "our", "is", "are", "this", "to", "of", "in", "it", "we",
      "from", "at", "by", "my", "its", "be", "has", "have", "was", "will", "can", "off", "now", "new",
      "just", "all", "get", "not", "only", "here", "today", "that", "these", "there", "out", "up", "more",
      "what", "how", "free", "save");

  /** Letters that almost only French subjects carry, before folding. */
  static final String FRENCH_ACCENTS = "[éèêàùçœâîôû]";

  private LanguageDetection() {}

  /** fr or en from a language column value, null for anything else (missing, de, unknown). */
  static Column declared(Column language) {
    Column code = regexp_extract(lower(trim(language)), "^(fr|en)([-_].*)?$", 1);
    return when(code.equalTo(lit("fr")).or(code.equalTo(lit("en"))), code);
  }

  /** fr, en, or null when the folded words and the raw text give no more evidence for one. */
  static Column detected(Column foldedWords, Column rawText) {
    Column words = split(foldedWords, " ");
    Column fr = size(array_intersect(words, literalArray(FRENCH)))
        .plus(when(lower(rawText).rlike(FRENCH_ACCENTS), 1).otherwise(0));
    Column en = size(array_intersect(words, literalArray(ENGLISH)));
    return when(fr.gt(en), lit("fr")).when(en.gt(fr), lit("en"));
  }

  private static Column literalArray(List<String> words) {
    return array(words.stream().map(w -> lit(w)).toArray(Column[]::new));
  }
}
