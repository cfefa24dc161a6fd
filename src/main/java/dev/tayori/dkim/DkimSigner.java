package dev.tayori.dkim;

import dev.tayori.mail.MessageSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * DKIM-Signature headers (RFC 6376, relaxed/relaxed) for the bytes {@link dev.tayori.mail.MessageBuilder}
 * writes: one per key, RSA first, then Ed25519 (RFC 8463) if configured. The body is hashed once for
 * all keys, in one pass over its bytes; each key then signs the canonical signed headers.
 *
 * <p>Signed: From, To, Subject, Date, Message-ID, MIME-Version, Content-Type, Reply-To, List-Id,
 * List-Unsubscribe, List-Unsubscribe-Post, those present. From, Subject and both List-Unsubscribe
 * headers are listed once more than they occur (absent ones too), so that a copy added on the way
 * (a second From, or an unsubscribe link on a test copy that had none) breaks the signature.
 */
public final class DkimSigner implements MessageSigner {
    /** One signature: the d= domain, the s= selector (its DNS record holds the public key) and the key. */
    public record Key(String domain, String selector, DkimKey key) {
    }

    private static final List<String> SIGNED = List.of("from", "to", "subject", "date", "message-id", "mime-version",
            "content-type", "reply-to", "list-id", "list-unsubscribe", "list-unsubscribe-post");
    private static final List<String> OVER_SIGNED = List.of("from", "subject", "list-unsubscribe", "list-unsubscribe-post");
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final int LINE = 76;

    private final List<Key> keys;
    private final List<Signing> signings = new ArrayList<>();
    private final Clock clock;

    public DkimSigner(List<Key> keys, Clock clock) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a DKIM signer needs at least one key");
        }
        this.keys = List.copyOf(keys);
        this.clock = clock;
        for (Key key : keys) {
            signings.add(new Signing(key.key()));
        }
    }

    @Override
    public String signatureHeaders(byte[] message) {
        MessageHeaders headers = MessageHeaders.parse(message);
        String bodyHash = BASE64.encodeToString(Relaxed.bodyHash(message, headers.bodyStart()));
        StringBuilder names = new StringBuilder();
        StringBuilder canonical = new StringBuilder(1024);
        for (String name : SIGNED) {
            List<String> values = headers.values(name);
            int listed = values.size() + (OVER_SIGNED.contains(name) ? 1 : 0);
            // RFC 6376 5.4.2: the n-th listing of a name signs its n-th instance from the bottom
            for (int i = 0; i < listed; i++) {
                names.append(names.length() == 0 ? "" : ":").append(name);
                if (i < values.size()) {
                    canonical.append(Relaxed.header(name, values.get(values.size() - 1 - i))).append("\r\n");
                }
            }
        }
        long now = clock.instant().getEpochSecond();
        StringBuilder out = new StringBuilder(1024);
        for (int k = 0; k < keys.size(); k++) {
            Key key = keys.get(k);
            String value = " v=1; a=" + key.key().algorithm().tag + "; c=relaxed/relaxed; d=" + key.domain() + "; s="
                    + key.selector() + ";\r\n\tt=" + now + "; h=" + folded(names) + ";\r\n\tbh=" + bodyHash + ";\r\n\tb=";
            byte[] data = (canonical + Relaxed.header("DKIM-Signature", value)).getBytes(StandardCharsets.US_ASCII);
            String signature = BASE64.encodeToString(signings.get(k).sign(data));
            out.append("DKIM-Signature:").append(value);
            for (int at = 0; at < signature.length(); at += LINE - 1) {
                out.append(at == 0 ? "" : "\r\n\t").append(signature, at, Math.min(signature.length(), at + LINE - 1));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** The h= list, folded before a colon so no line passes 76 characters (FWS is allowed there). */
    private static String folded(CharSequence names) {
        StringBuilder out = new StringBuilder(names.length() + 16);
        int line = "\tt=1234567890; h=".length();
        for (String name : names.toString().split(":")) {
            boolean first = out.length() == 0;
            if (!first && line + name.length() + 1 > LINE - 1) {
                out.append("\r\n\t");
                line = 1;
            }
            out.append(first ? "" : ":").append(name);
            line += name.length() + 1;
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "DkimSigner" + keys.stream().map(k -> k.selector() + "._domainkey." + k.domain() + " "
                + k.key().algorithm().name().toLowerCase(Locale.ROOT)).toList();
    }
}
