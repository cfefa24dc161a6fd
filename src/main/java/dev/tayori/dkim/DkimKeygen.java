package dev.tayori.dkim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A new signing key: written as a PKCS#8 PEM file only its owner can read (mode 0600, never over an
 * existing file), and the DNS TXT record that publishes its public half.
 */
public final class DkimKeygen {
    /** A DNS character-string holds at most 255 bytes; a longer TXT record is several, joined by resolvers. */
    private static final int DNS_STRING = 255;

    private DkimKeygen() {
    }

    /** Writes the key and returns the record to publish. Refuses to touch a file that exists. */
    public static String generate(DkimKey.Algorithm algorithm, String domain, String selector, Path out)
            throws IOException {
        KeyPair pair = newPair(algorithm);
        byte[] pem = pem(pair.getPrivate().getEncoded());
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream file = Files.newOutputStream(create(out), StandardOpenOption.WRITE)) {
            file.write(pem);
        } finally {
            Arrays.fill(pem, (byte) 0);
        }
        return record(algorithm, domain, selector, pair.getPublic());
    }

    /** The file created empty with mode 0600 before a byte of the key is in it. */
    private static Path create(Path out) throws IOException {
        try {
            return Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createFile(out); // not a POSIX file system (Windows): its ACLs decide
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(out.toString(), null,
                    "it already exists; tayori does not overwrite a key (mail signed with it would stop verifying)");
        }
    }

    private static KeyPair newPair(DkimKey.Algorithm algorithm) {
        try {
            if (algorithm == DkimKey.Algorithm.RSA) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(DkimKey.MIN_RSA_BITS);
                return generator.generateKeyPair();
            }
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java cannot make " + algorithm + " keys: " + e.getMessage(), e);
        }
    }

    private static byte[] pem(byte[] der) {
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return ("-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * {@code S._domainkey.D. IN TXT "v=DKIM1; k=rsa; p=..."}, in strings of at most 255 characters.
     * p= is the public key: for RSA its SubjectPublicKeyInfo (RFC 6376 3.6.1), for Ed25519 the bare
     * 32 bytes (RFC 8463 4.2), which is the end of Java's X.509 encoding.
     */
    public static String record(DkimKey.Algorithm algorithm, String domain, String selector, PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (algorithm == DkimKey.Algorithm.ED25519) {
            encoded = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        }
        String text = "v=DKIM1; k=" + algorithm.dnsType + "; p=" + Base64.getEncoder().encodeToString(encoded);
        List<String> strings = new ArrayList<>();
        for (int at = 0; at < text.length(); at += DNS_STRING) {
            strings.add("\"" + text.substring(at, Math.min(text.length(), at + DNS_STRING)) + "\"");
        }
        return selector + "._domainkey." + domain + ". IN TXT " + String.join(" ", strings);
    }
}
