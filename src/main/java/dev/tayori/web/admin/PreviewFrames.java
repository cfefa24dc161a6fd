package dev.tayori.web.admin;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The HTML of the editor's latest previews, each under a random key, for the sandboxed iframe: a
 * mail's HTML needs inline styles, which the editor's own page (CSP {@code default-src 'self'}) may
 * not carry, so the frame loads it from its own URL with the mail's policy. Only the newest few are
 * kept, in memory: a preview is looked at once, right after it is made, by the same node.
 */
final class PreviewFrames {
    static final int KEPT = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> frames = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    };

    /** Keeps {@code html} and returns the path the iframe loads it from. */
    synchronized String put(String html) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        frames.put(key, html);
        return "/admin/preview-frames/" + key;
    }

    synchronized Optional<String> get(String key) {
        return Optional.ofNullable(frames.get(key));
    }
}
