package com.trustlens.ingest;

/** Input that cannot be used: unreadable, missing a required column, or too many bad rows; exit code 3. */
public class BadInputException extends RuntimeException {
  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
