package dev.tayori.bounce;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which delivery a VERP bounce address names: mail leaves with the envelope sender
 * {@code bounces+<deliveryId>-<check>@domain}, so the relay's bounce comes back addressed to it.
 *
 * <p>Until the envelope's own class (mail/Verp, built with DKIM signing) is merged, {@link #LOCAL}
 * reads that form without checking {@code check}: a forged report can name a delivery id, so the
 * recipient it names must still be that delivery's reader (see the matcher).
 */
public interface VerpTokens {
    Optional<Long> deliveryId(String address);

    VerpTokens LOCAL = new VerpTokens() {
        private final Pattern form = Pattern.compile("^[^+@\\s]+\\+(\\d{1,18})-([A-Za-z0-9_]{1,64})@[^@\\s]+$");

        @Override
        public Optional<Long> deliveryId(String address) {
            Matcher m = form.matcher(address == null ? "" : address.trim());
            return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
        }
    };
}
