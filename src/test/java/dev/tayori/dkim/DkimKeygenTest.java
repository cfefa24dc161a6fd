package dev.tayori.dkim;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.TestWorld;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tayori dkim keygen`, and what happens at start when a key setting cannot be used. */
class DkimKeygenTest {
    @TempDir
    Path dir;
    TestWorld world;

    @BeforeEach
    void start() {
        world = new TestWorld(dir, tokyo(2026, 11, 23, 10, 0));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static String record(TestWorld.CliResult keygen) {
        return keygen.out().lines().filter(l -> l.contains(" IN TXT ")).findFirst().orElseThrow();
    }

    @Test
    void keygenWritesAKeyOnlyItsOwnerCanReadAndTheRecordItPrintsVerifiesMailSignedWithIt() throws Exception {
        Path key = dir.resolve("dkim/tayori2026.pem");
        TestWorld.CliResult keygen = world.cli("dkim", "keygen", "--domain", "example.jp", "--selector", "tayori2026",
                "--out", key.toString());
        assertEquals(0, keygen.exitCode(), keygen.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        String record = record(keygen);
        assertTrue(record.startsWith("tayori2026._domainkey.example.jp. IN TXT \"v=DKIM1; k=rsa; p=MIIB"), record);
        assertTrue(Arrays.stream(record.split("\"")).allMatch(s -> s.length() <= 255), "DNS strings of 255 at most");

        world.env().put("TAYORI_DKIM_SELECTOR", "tayori2026");
        world.env().put("TAYORI_DKIM_PRIVATE_KEY", key.toString());
        assertEquals(0, world.cli("subscribers", "add", "hanako@example.jp").exitCode());
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        world.received().get(0).writeTo(raw);
        DkimVerifier.Result result = DkimVerifier.verify(raw.toByteArray(), record);
        assertTrue(result.passed() && result.passes("tayori2026"), result.output());
    }

    @Test
    void anEd25519KeyPublishesItsBare32BytePublicKey() throws Exception {
        TestWorld.CliResult keygen = world.cli("dkim", "keygen", "--domain", "example.jp", "--selector", "ed1",
                "--out", dir.resolve("ed.pem").toString(), "--type", "ed25519");
        assertEquals(0, keygen.exitCode(), keygen.err());
        String p = record(keygen).replaceAll(".*p=([^\"]*)\".*", "$1");
        assertTrue(record(keygen).contains("\"v=DKIM1; k=ed25519; p="), record(keygen));
        assertEquals(32, Base64.getDecoder().decode(p).length);
    }

    @Test
    void keygenNeverOverwritesAFile() throws Exception {
        Path key = Files.writeString(dir.resolve("taken.pem"), "the operator's old key");
        TestWorld.CliResult keygen = world.cli("dkim", "keygen", "--domain", "example.jp", "--selector", "s",
                "--out", key.toString());
        assertEquals(2, keygen.exitCode());
        assertTrue(keygen.err().contains("already exists"), keygen.err());
        assertEquals("the operator's old key", Files.readString(key));
    }

    /** The one line a bad key setting gives: exit 2, naming the setting and the file, never the key. */
    private void assertRefusedAtStart(String setting, Path file, String reason) throws Exception {
        TestWorld.CliResult result = world.cli("campaigns", "list");
        assertEquals(2, result.exitCode(), result.err());
        String err = result.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: setting " + setting + " = '" + file + "'"), err);
        assertTrue(err.contains(reason), err);
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file)) {
                assertFalse(!line.startsWith("-----") && line.length() > 8 && err.contains(line.substring(0, 8)),
                        "key material in: " + err);
            }
        }
        assertEquals(0, world.received().size());
    }

    @Test
    void aKeyThatCannotBeUsedStopsTayoriAtStartWithOneLine() throws Exception {
        world.env().put("TAYORI_DKIM_SELECTOR", "tayori2026");
        Path missing = dir.resolve("missing.pem");
        world.env().put("TAYORI_DKIM_PRIVATE_KEY", missing.toString());
        assertRefusedAtStart("dkim.private-key", missing, "does not exist");

        KeyPairGenerator weak = KeyPairGenerator.getInstance("RSA");
        weak.initialize(1024);
        Path small = pem(dir.resolve("small.pem"), "PRIVATE KEY", weak.generateKeyPair().getPrivate().getEncoded());
        world.env().put("TAYORI_DKIM_PRIVATE_KEY", small.toString());
        assertRefusedAtStart("dkim.private-key", small, "1024 bits");

        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN PRIVATE KEY-----\nQUJD"
                + "REVGR0hJSktMTU5PUFFSU1RVVldYWVo=\n-----END PRIVATE KEY-----\n");
        world.env().put("TAYORI_DKIM_PRIVATE_KEY", garbage.toString());
        assertRefusedAtStart("dkim.private-key", garbage, "neither RSA nor Ed25519");

        Path ed = pem(dir.resolve("ed.pem"), "PRIVATE KEY",
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded());
        world.env().put("TAYORI_DKIM_PRIVATE_KEY", ed.toString());
        assertRefusedAtStart("dkim.private-key", ed, "must be RSA");

        Path encrypted = Files.writeString(dir.resolve("enc.pem"),
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQww\n-----END ENCRYPTED PRIVATE KEY-----\n");
        world.env().put("TAYORI_DKIM_PRIVATE_KEY", encrypted.toString());
        assertRefusedAtStart("dkim.private-key", encrypted, "openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void anRsaKeyInTheOlderPkcs1FormIsAcceptedToo() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        java.security.KeyPair pair = rsa.generateKeyPair();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        // a 2048-bit PKCS#8 key is a 26-byte PrivateKeyInfo header around the PKCS#1 RSAPrivateKey
        Path key = pem(dir.resolve("pkcs1.pem"), "RSA PRIVATE KEY", Arrays.copyOfRange(pkcs8, 26, pkcs8.length));
        world.env().put("TAYORI_DKIM_SELECTOR", "old");
        world.env().put("TAYORI_DKIM_PRIVATE_KEY", key.toString());
        assertEquals(0, world.cli("subscribers", "add", "hanako@example.jp").exitCode());
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        world.received().get(0).writeTo(raw);
        String record = DkimKeygen.record(DkimKey.Algorithm.RSA, "example.jp", "old", pair.getPublic());
        assertTrue(DkimVerifier.verify(raw.toByteArray(), record).passed());
    }

    @Test
    void anEd25519KeyAloneOrASelectorMissingIsRefusedAtStart() {
        world.env().put("TAYORI_DKIM_ED25519_PRIVATE_KEY", dir.resolve("ed.pem").toString());
        TestWorld.CliResult alone = world.cli("campaigns", "list");
        assertEquals(2, alone.exitCode());
        assertTrue(alone.err().contains("dkim.ed25519-private-key") && alone.err().contains("needs dkim.private-key"),
                alone.err());
        world.env().remove("TAYORI_DKIM_ED25519_PRIVATE_KEY");
        world.env().put("TAYORI_DKIM_PRIVATE_KEY", dir.resolve("rsa.pem").toString());
        TestWorld.CliResult noSelector = world.cli("campaigns", "list");
        assertEquals(2, noSelector.exitCode());
        assertTrue(noSelector.err().contains("setting dkim.selector"), noSelector.err());
    }

    private static Path pem(Path file, String label, byte[] der) throws Exception {
        return Files.writeString(file, "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + label + "-----\n");
    }
}
