package dev.tayori.subscriber;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable tokens for links in mail: 192 random bits, URL-safe. */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
