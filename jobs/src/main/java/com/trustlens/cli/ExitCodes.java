package com.trustlens.cli;

/** Exit codes of SPEC §8. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;
  public static final int BAD_INPUT = 3;

  private ExitCodes() {}
}
