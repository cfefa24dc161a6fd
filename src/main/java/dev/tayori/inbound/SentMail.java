package dev.tayori.inbound;

import java.time.Instant;

/** A delivery a report may be about: whose it was, of which campaign, and when it left (null if it has not). */
public record SentMail(long id, long subscriberId, String campaignId, Instant sentAt) {
}
