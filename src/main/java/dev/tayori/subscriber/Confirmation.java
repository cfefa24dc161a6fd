package dev.tayori.subscriber;

import java.time.Instant;

/** A double opt-in request: the token in the confirmation link, single use, valid until expiresAt. */
public record Confirmation(long id, long subscriberId, String token, Instant createdAt, Instant expiresAt,
        Instant usedAt) {
}
