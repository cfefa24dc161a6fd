package dev.tayori.bounce;

import java.util.Optional;

/**
 * Which delivery a VERP bounce address names: mail leaves with the envelope sender of
 * {@link dev.tayori.mail.Verp} ({@code bounces+TOKEN@domain}, the token a delivery id with a check),
 * so the relay's bounce comes back addressed to it. A forged report can still name a real token, so
 * the recipient it names must also be that delivery's reader (see the matcher).
 */
public interface VerpTokens {
    Optional<Long> deliveryId(String address);
}
