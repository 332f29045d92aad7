package com.trustlens.config;

/** Where the secret key of the pseudonymous customer_key comes from. */
public record Privacy(String pseudonymKeyEnv, String pseudonymKey) {}
