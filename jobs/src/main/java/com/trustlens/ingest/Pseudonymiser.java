package com.trustlens.ingest;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.unhex;

import com.trustlens.config.ConfigException;
import com.trustlens.config.Privacy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.spark.sql.Column;

/**
 * Keyed pseudonyms: HMAC-SHA256 (RFC 2104) of a value under a secret key, computed with Spark's
 * sha2 so it runs where the data is; the first 32 hex characters (128 bits) are kept.
 */
public final class Pseudonymiser {
  private static final int BLOCK = 64;
  public static final int KEY_CHARS = 32;

  private final String innerPadHex;
  private final String outerPadHex;

  public Pseudonymiser(byte[] key) {
    if (key.length == 0) throw new IllegalArgumentException("pseudonym key is empty");
    byte[] k = key.length > BLOCK ? sha256(key) : key;
    byte[] ipad = new byte[BLOCK];
    byte[] opad = new byte[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      byte b = i < k.length ? k[i] : 0;
      ipad[i] = (byte) (b ^ 0x36);
      opad[i] = (byte) (b ^ 0x5c);
    }
    innerPadHex = HexFormat.of().formatHex(ipad);
    outerPadHex = HexFormat.of().formatHex(opad);
  }

  /** The key from the configured environment variable, else from privacy.pseudonym_key. */
  public static Pseudonymiser fromConfig(Privacy privacy) {
    String fromEnv = System.getenv(privacy.pseudonymKeyEnv());
    String key = fromEnv != null && !fromEnv.isEmpty() ? fromEnv : privacy.pseudonymKey();
    if (key == null || key.isEmpty()) {
      throw new ConfigException("privacy.pseudonym_key_env", "environment variable " + privacy.pseudonymKeyEnv()
          + " is not set and privacy.pseudonym_key is empty: set one of them to the secret key of customer_key");
    }
    return new Pseudonymiser(key.getBytes(StandardCharsets.UTF_8));
  }

  /** HMAC-SHA256 of the UTF-8 text, as 32 lower-case hex characters; null stays null. */
  public Column hash(Column text) {
    Column inner = sha2(concat(unhex(lit(innerPadHex)), text.cast("binary")), 256);
    return substring(sha2(concat(unhex(lit(outerPadHex)), unhex(inner)), 256), 1, KEY_CHARS);
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
