package dev.tayori.dkim;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;

/**
 * The two signature algorithms over the data RFC 6376 section 3.7 hashes: rsa-sha256 signs it with
 * SHA256withRSA; ed25519-sha256 (RFC 8463 section 3) signs the SHA-256 of it with pure Ed25519.
 * A {@link Signature} is not thread-safe and initSign costs more than a hash, so each sending thread
 * keeps one per key.
 */
final class Signing {
    private final DkimKey key;
    private final ThreadLocal<Signature> signatures;

    Signing(DkimKey key) {
        this.key = key;
        this.signatures = ThreadLocal.withInitial(this::newSignature);
    }

    byte[] sign(byte[] data) {
        try {
            Signature signature = signatures.get();
            signature.update(key.algorithm() == DkimKey.Algorithm.RSA ? data : sha256().digest(data));
            return signature.sign(); // sign() leaves it ready for the next message with the same key
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DKIM signing failed: " + e.getMessage(), e);
        }
    }

    private Signature newSignature() {
        try {
            Signature signature = Signature.getInstance(key.algorithm() == DkimKey.Algorithm.RSA ? "SHA256withRSA" : "Ed25519");
            signature.initSign(key.privateKey());
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java cannot sign with " + key.algorithm() + ": " + e.getMessage(), e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
