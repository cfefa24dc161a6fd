package dev.tayori.dkim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A private key to sign with, read from a PEM file: PKCS#8 ({@code BEGIN PRIVATE KEY}, what
 * {@code tayori dkim keygen} and {@code openssl genpkey} write) or, for RSA, PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}, what older {@code openssl genrsa} and opendkim-genkey write).
 * Its {@link #toString()} names the algorithm only.
 */
public final class DkimKey {
    /** RFC 6376 and RFC 8463: the a= tag and the k= tag of the DNS record. */
    public enum Algorithm {
        RSA("rsa-sha256", "rsa"), ED25519("ed25519-sha256", "ed25519");

        final String tag;
        final String dnsType;

        Algorithm(String tag, String dnsType) {
            this.tag = tag;
            this.dnsType = dnsType;
        }
    }

    /** Below 2048 bits Gmail and others treat an RSA signature as weak; 1024 is refused outright by some. */
    static final int MIN_RSA_BITS = 2048;

    private final Algorithm algorithm;
    private final PrivateKey key;

    DkimKey(Algorithm algorithm, PrivateKey key) {
        this.algorithm = algorithm;
        this.key = key;
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    PrivateKey privateKey() {
        return key;
    }

    /** Reads and checks a key file; every refusal says what to do, none shows the file's contents. */
    public static DkimKey read(Path file) throws DkimKeyException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DkimKeyException("the key file " + file + " does not exist; make one with"
                    + " tayori dkim keygen --domain D --selector S --out " + file);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DkimKeyException("the key file " + file + " is not a PEM text file");
        } catch (IOException e) {
            throw new DkimKeyException("cannot read the key file " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        return parse(file, text);
    }

    static DkimKey parse(Path file, String text) throws DkimKeyException {
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || text.contains("Proc-Type: 4,ENCRYPTED")) {
            throw new DkimKeyException("the key file " + file + " is encrypted with a passphrase; tayori needs it"
                    + " unencrypted (keep the file mode 0600): openssl pkcs8 -topk8 -nocrypt -in " + file + " -out NEW");
        }
        byte[] der;
        if (text.contains("-----BEGIN PRIVATE KEY-----")) {
            der = body(file, text, "PRIVATE KEY");
        } else if (text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            der = Pkcs1.toPkcs8(body(file, text, "RSA PRIVATE KEY"));
        } else {
            throw new DkimKeyException("the key file " + file + " holds no private key (a PEM file with"
                    + " -----BEGIN PRIVATE KEY-----); make one with tayori dkim keygen");
        }
        for (Algorithm algorithm : Algorithm.values()) {
            try {
                PrivateKey key = KeyFactory.getInstance(algorithm == Algorithm.RSA ? "RSA" : "Ed25519")
                        .generatePrivate(new PKCS8EncodedKeySpec(der));
                if (key instanceof RSAPrivateKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                    throw new DkimKeyException("the key file " + file + " holds an RSA key of "
                            + rsa.getModulus().bitLength() + " bits; DKIM needs " + MIN_RSA_BITS
                            + " or more: make a new one with tayori dkim keygen");
                }
                return new DkimKey(algorithm, key);
            } catch (GeneralSecurityException e) {
                // not this algorithm; try the next
            }
        }
        throw new DkimKeyException("the key file " + file + " holds a private key that is neither RSA nor Ed25519");
    }

    private static byte[] body(Path file, String text, String label) throws DkimKeyException {
        int start = text.indexOf("-----BEGIN " + label + "-----") + label.length() + 16;
        int end = text.indexOf("-----END " + label + "-----", start);
        if (end < 0) {
            throw new DkimKeyException("the key file " + file + " is cut off: it has no -----END " + label + "----- line");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(start, end).strip());
        } catch (IllegalArgumentException e) {
            throw new DkimKeyException("the key file " + file + " is damaged: its base64 cannot be read");
        }
    }

    @Override
    public String toString() {
        return "DkimKey[" + algorithm + ", private key (hidden)]";
    }
}
