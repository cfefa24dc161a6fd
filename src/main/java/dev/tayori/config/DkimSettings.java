package dev.tayori.config;

import dev.tayori.dkim.DkimKey;
import java.nio.file.Path;

/**
 * DKIM signing as configured: off when no dkim.private-key is set. The keys are read and checked
 * when the settings load (a key that cannot be used stops tayori at start, naming the setting and
 * the file); {@link #toString()} shows the files, never the keys.
 *
 * @param domain d=, the sender's domain unless dkim.domain says otherwise
 * @param ed25519 the optional second signature (RFC 8463), null when not configured
 */
public record DkimSettings(String domain, String selector, Path keyFile, DkimKey rsa, String ed25519Selector,
        Path ed25519KeyFile, DkimKey ed25519) {
    public static final DkimSettings OFF = new DkimSettings("", "", null, null, "", null, null);

    public boolean enabled() {
        return rsa != null;
    }

    @Override
    public String toString() {
        return !enabled() ? "DkimSettings[off]"
                : "DkimSettings[d=" + domain + ", s=" + selector + ", key file " + keyFile
                        + (ed25519 == null ? "" : ", ed25519 s=" + ed25519Selector + ", key file " + ed25519KeyFile) + "]";
    }
}
