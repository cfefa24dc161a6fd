package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.Snapshot;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The REST API against what a script with a bug (or a stranger) sends: wrong types, misspelt
 * fields, absurd instants and numbers, odd bodies and methods. Each is a 4xx in JSON naming what is
 * wrong, and changes nothing: no row, no mail.
 */
class HostileApiTest {
    @TempDir
    Path dir;
    WebWorld web;

    @BeforeEach
    void start() throws Exception {
        web = new WebWorld(dir, tokyo(2026, 11, 23, 10, 0), false);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private HttpResponse<String> api(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(web.base + path))
                .header("Authorization", "Bearer " + WebWorld.API_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        return web.http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> json(String method, String path, String body) throws Exception {
        return api(method, path, "application/json", body);
    }

    /** A refusal: the status, JSON {"error": ...} containing {@code says}, and the world as it was. */
    private void assertRefused(int status, String says, Snapshot before, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
        assertTrue(r.body().startsWith("{\"error\":"), r.body());
        assertTrue(r.body().contains(says), "expected '" + says + "' in " + r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("at dev.tayori"), r.body());
        assertEquals(before, Snapshot.of(web.world));
    }

    static Stream<Arguments> wrongSubscriberBodies() {
        return Stream.of(
                Arguments.of("{\"email\": 5}", "'email' must be a string, not a number"),
                Arguments.of("{\"email\": [\"a@example.jp\"]}", "'email' must be a string, not an array"),
                Arguments.of("{\"email\": {\"x\": 1}}", "'email' must be a string, not an object"),
                Arguments.of("{\"email\": null}", "'email' is required"),
                Arguments.of("{}", "'email' is required"),
                Arguments.of("{\"email\": \"a@example.jp\", \"confirmed\": \"yes\"}", "'confirmed' must be true or false, not a string"),
                Arguments.of("{\"email\": \"a@example.jp\", \"confirmed\": 1}", "'confirmed' must be true or false, not a number"),
                Arguments.of("{\"email\": \"a@example.jp\", \"confirmd\": true}", "unknown field 'confirmd' (did you mean 'confirmed'?)"),
                Arguments.of("{\"emial\": \"a@example.jp\"}", "unknown field 'emial' (did you mean 'email'?)"),
                Arguments.of("{\"email\": \"a@example.jp\", \"consent-source\": \"x\"}", "did you mean 'consent_source'?"),
                Arguments.of("{\"email\": \"a@example.jp\", \"name\": 12}", "'name' must be a string"),
                Arguments.of("[{\"email\": \"a@example.jp\"}]", "must be a JSON object"),
                Arguments.of("\"a@example.jp\"", "must be a JSON object"),
                Arguments.of("null", "must be a JSON object"),
                Arguments.of("42", "must be a JSON object"),
                Arguments.of("{\"email\": \"a@example.jp\"", "not valid JSON"),
                Arguments.of("{\"email\": \"a@example.jp\"} {}", "not valid JSON"),
                Arguments.of("{\"email\": \"a@example.jp\", \"email\": \"b@example.jp\"}", "Duplicate field 'email'"),
                Arguments.of("{\"email\": \"a@example.jp\", \"confirmed\": false, \"confirmed\": true}", "Duplicate field 'confirmed'"),
                Arguments.of("   ", "the body is empty"));
    }

    @ParameterizedTest
    @MethodSource("wrongSubscriberBodies")
    void aWrongSubscriberBodyIsA400NamingTheField(String body, String says) throws Exception {
        Snapshot before = Snapshot.of(web.world);
        assertRefused(400, says, before, json("POST", "/api/subscribers", body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59+09:00", "1970-01-01T00:00Z", "2101-01-01T09:00+09:00",
            "-0001-01-01T00:00Z", "1999-12-31T23:59:59Z"})
    void anInstantOutsideTheSaneYearsIsA400(String at) throws Exception {
        Snapshot before = Snapshot.of(web.world);
        assertRefused(400, "outside the years 2000 to 2100", before,
                json("POST", "/api/campaigns/course-early-booking/schedule", "{\"at\": \"" + at + "\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"tomorrow\"", "\"2026-13-01T12:00+09:00\"", "\"2026-12-01T25:00\""})
    void anAtThatIsNotADateIsA400(String at) throws Exception {
        Snapshot before = Snapshot.of(web.world);
        assertRefused(400, "'at'", before, json("POST", "/api/campaigns/course-early-booking/schedule", "{\"at\": " + at + "}"));
    }

    @Test
    void anAtThatIsANumberOrMisspeltIsA400() throws Exception {
        Snapshot before = Snapshot.of(web.world);
        assertRefused(400, "'at' must be a string, not a number", before,
                json("POST", "/api/campaigns/course-early-booking/schedule", "{\"at\": 1764558000}"));
        assertRefused(400, "did you mean 'segment'?", before,
                json("POST", "/api/campaigns/course-early-booking/schedule", "{\"at\": \"2026-12-01T12:00+09:00\", \"segmnt\": \"all\"}"));
    }

    @Test
    void anAtWithoutOffsetIsReadInTheTimezoneSetting() throws Exception {
        HttpResponse<String> r = json("POST", "/api/campaigns/course-early-booking/schedule", "{\"at\": \"2026-12-01T12:00\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"send_at\":\"2026-12-01T03:00:00Z\""), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=-1", "limit=0", "limit=abc", "limit=501", "after=9999999999999999999", "after=-5",
            "after=1e3", "limit=%0d%0a"})
    void aWrongPageParameterIsA400NamingIt(String query) throws Exception {
        Snapshot before = Snapshot.of(web.world);
        String name = query.substring(0, query.indexOf('='));
        assertRefused(400, "'" + name + "' must be a whole number", before, json("GET", "/api/subscribers?" + query, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void aBodyThatIsNotDeclaredJsonIs415(String type) throws Exception {
        Snapshot before = Snapshot.of(web.world);
        assertRefused(415, "Content-Type: application/json", before,
                api("POST", "/api/subscribers", type, "{\"email\": \"a@example.jp\"}"));
    }

    @Test
    void aHugeBodyIs413InJson() throws Exception {
        Snapshot before = Snapshot.of(web.world);
        String huge = "{\"email\": \"a@example.jp\", \"name\": \"" + "あ".repeat(40_000) + "\"}";
        assertRefused(413, "too large", before, json("POST", "/api/subscribers", huge));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/subscribers/a%0d%0aBcc:x@example.jp", "/api/subscribers/%00", "/api/subscribers/..%2f..%2fetc"})
    void aPathWithAnEncodedAddressIsANotFoundInJson(String path) throws Exception {
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> r = json("GET", path, null);
        assertTrue(r.statusCode() == 404 || r.statusCode() == 400, r.statusCode() + " " + r.body());
        assertEquals(before, Snapshot.of(web.world));
        assertFalse(r.body().contains("\r\n"), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE /api/subscribers", "PUT /api/campaigns", "PATCH /api/subscribers/a@example.jp"})
    void aMethodNotAllowedIs405InJson(String request) throws Exception {
        Snapshot before = Snapshot.of(web.world);
        String[] parts = request.split(" ");
        assertRefused(405, "not allowed", before, json(parts[0], parts[1], parts[0].equals("DELETE") ? null : "{}"));
    }

    @Test
    void anUnknownEndpointIs404InJson() throws Exception {
        Snapshot before = Snapshot.of(web.world);
        assertRefused(404, "no such API endpoint: GET /api/nothing", before, json("GET", "/api/nothing", null));
    }

    @Test
    void aPendingSignUpMailsTheConfirmationAtOnce() throws Exception {
        HttpResponse<String> r = json("POST", "/api/subscribers", "{\"email\": \"api-pending@example.jp\"}");
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"confirmation_mail\":\"sent\""), r.body());
        assertEquals(1, web.world.received().size(), "sent before the answer, not at the next run");
        assertTrue(dev.tayori.MailParts.text(web.world.received().get(0)).contains("/confirm/"));
    }

    private HttpResponse<String> bytes(String contentType, byte[] body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(web.base + "/api/subscribers"))
                .header("Authorization", "Bearer " + WebWorld.API_TOKEN).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return web.http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> bodiesNotInUtf8() {
        return Stream.of(
                Arguments.of("a Shift_JIS name", "application/json", "佐藤".getBytes(java.nio.charset.Charset.forName("Shift_JIS")), "byte 36 (0x8D)"),
                Arguments.of("a Latin-1 name", "application/json", "Ren\u00e9".getBytes(StandardCharsets.ISO_8859_1), "byte 39 (0xE9)"),
                Arguments.of("a Latin-1 name declared as such", "application/json; charset=ISO-8859-1",
                        "Ren\u00e9".getBytes(StandardCharsets.ISO_8859_1), "byte 39 (0xE9)"),
                Arguments.of("bytes that are no text", "application/json", new byte[] {(byte) 0xff, (byte) 0xfe}, "byte 36 (0xFF)"));
    }

    /** Before: the body was decoded leniently and the reader stored as "��" (U+FFFD), and mailed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesNotInUtf8")
    void aBodyThatIsNotUtf8IsA400AndNobodyIsStoredWithBrokenCharacters(String what, String type, byte[] name, String at)
            throws Exception {
        byte[] start = "{\"email\": \"a@example.jp\", \"name\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + name.length + 2];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(name, 0, body, start.length, name.length);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        Snapshot before = Snapshot.of(web.world);
        assertRefused(400, "the body is not UTF-8: " + at, before, bytes(type, body));
    }

    @Test
    void aBodyWithAByteOrderMarkIsRead() throws Exception {
        byte[] json = "\uFEFF{\"email\": \"bom@example.jp\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = bytes("application/json", json);
        assertEquals(201, r.statusCode(), r.body());
    }

    static Stream<Arguments> jsonThatSpeaksJava() {
        return Stream.of(
                Arguments.of("{\"email\": \"a@example.jp\"}{\"email\": \"b@example.jp\"}", "there is more after the JSON object"),
                Arguments.of("{\"email\": " + "[".repeat(1500) + "]".repeat(1500) + "}", "nested more than 1000 deep"));
    }

    /** Before: "bound as `java.lang.Object`: not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`". */
    @ParameterizedTest
    @MethodSource("jsonThatSpeaksJava")
    void aBrokenBodyIsExplainedWithoutJavaNames(String body, String says) throws Exception {
        Snapshot before = Snapshot.of(web.world);
        HttpResponse<String> r = json("POST", "/api/subscribers", body);
        assertRefused(400, says, before, r);
        assertFalse(r.body().contains("java.") || r.body().contains("`"), r.body());
    }

    /** Before: "a\u0007b" was stored as the reader's consent record, shown on pages and written into exports. */
    @ParameterizedTest
    @ValueSource(strings = {"seminar\\u0007sheet", "seminar\\nsheet", "seminar\\rBcc: x", "seminar\\u0000", "seminar\\u2028sheet"})
    void aConsentSourceWithAControlCharacterIsA400AndNobodyIsAdded(String source) throws Exception {
        Snapshot before = Snapshot.of(web.world);
        assertRefused(400, "the consent source must be one line without control characters", before, json("POST",
                "/api/subscribers", "{\"email\": \"a@example.jp\", \"confirmed\": true, \"consent_source\": \"" + source + "\"}"));
        assertRefused(400, "the consent source must be one line without control characters", before, json("POST",
                "/api/subscribers", "{\"email\": \"a@example.jp\", \"consent_source\": \"" + source + "\"}"));
    }

    @Test
    void aConsentSourceLongerThan200CharactersIsA400() throws Exception {
        Snapshot before = Snapshot.of(web.world);
        assertRefused(400, "the consent source is longer than 200 characters", before, json("POST", "/api/subscribers",
                "{\"email\": \"a@example.jp\", \"confirmed\": true, \"consent_source\": \"" + "あ".repeat(201) + "\"}"));
    }

    /** Before: confirmed-before:+99999-01-01 was scheduled (and reached every confirmed reader). */
    @ParameterizedTest
    @ValueSource(strings = {"confirmed-before:+99999-01-01", "confirmed-before:1900-01-01", "confirmed-before:2101-01-01",
            "confirmed-before:-0001-01-01"})
    void aSegmentDateOutsideTheSaneYearsIsA400(String segment) throws Exception {
        Snapshot before = Snapshot.of(web.world);
        assertRefused(400, "the date must be a day of the years 2000 to 2100", before, json("POST",
                "/api/campaigns/course-early-booking/schedule", "{\"at\": \"2026-12-01T12:00+09:00\", \"segment\": \"" + segment + "\"}"));
    }

    /**
     * What a campaign file refuses is refused through the writing API too. Before, each of these was
     * published as lesson 6: a backwards subject, a blank one, a broken emoji stored as '?', a NUL
     * (which PostgreSQL refuses outright) and an escape sequence in the body, a NUL in the note.
     */
    static Stream<Arguments> hiddenCharactersInAStep() {
        String body = "\"body_markdown\": \"\\u4eca\\u65e5\\u306e\\u30ec\\u30c3\\u30b9\\u30f3\"";
        String subject = "\"subject\": \"6\\u65e5\\u76ee\"";
        return Stream.of(
                Arguments.of("{\"subject\": \"abc\\u202Edef\", " + body + "}", "subject: has an invisible character in it (U+202E RIGHT-TO-LEFT OVERRIDE)"),
                Arguments.of("{\"subject\": \"\\u200Bsale\", " + body + "}", "subject: has an invisible character in it (U+200B"),
                Arguments.of("{\"subject\": \"\\u00A0\\u00A0\", " + body + "}", "subject: the subject is empty"),
                Arguments.of("{\"subject\": \"\\u3164\", " + body + "}", "subject: the subject is empty"),
                Arguments.of("{\"subject\": \"x\\uD800\", " + body + "}", "subject: has an invisible character in it (U+D800"),
                Arguments.of("{\"subject\": \"a\\u0000b\", " + body + "}", "subject: has a control character in it (U+0000"),
                Arguments.of("{\"subject\": \"a\\tb\", " + body + "}", "subject: has a control character in it (U+0009"),
                Arguments.of("{\"preheader\": \"p\\u001B[2J\", " + subject + ", " + body + "}", "preheader: has a control character in it (U+001B"),
                Arguments.of("{" + subject + ", \"body_markdown\": \"line one\\nA\\u0000B\"}", "body_markdown line 2: has a control character in it (U+0000"),
                Arguments.of("{" + subject + ", \"body_markdown\": \"\\u001B[31mred\"}", "body_markdown line 1: has a control character in it (U+001B"),
                Arguments.of("{" + subject + ", \"body_markdown\": \"a\\n\\nb\\u202Ec\"}", "body_markdown line 3: has an invisible character in it (U+202E"),
                Arguments.of("{" + subject + ", " + body + ", \"note\": \"fix\\u0000\"}", "note: has a control character in it (U+0000"));
    }

    @ParameterizedTest
    @MethodSource("hiddenCharactersInAStep")
    void aStepWithHiddenOrControlCharactersIsA400NamingTheFieldAndNothingIsPublished(String fields, String says)
            throws Exception {
        Snapshot before = Snapshot.of(web.world);
        String publish = fields.substring(0, fields.length() - 1) + ", \"publish\": true}";
        assertRefused(400, says, before, json("PUT", "/api/campaigns/workbook/steps/1", publish));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0007bell", "na\\u202Eme"})
    void anAnnouncementNameWithAControlOrHiddenCharacterIsA400SayingWhich(String name) throws Exception {
        Snapshot before = Snapshot.of(web.world);
        assertRefused(400, "name: has a", before, json("POST", "/api/campaigns", "{\"id\": \"sale\", \"kind\": \"announcement\","
                + " \"name\": \"" + name + "\", \"subject\": \"s\", \"body_markdown\": \"b\"}"));
    }

    @Test
    void anAnnouncementForABadSegmentSaysWhatASegmentIs() throws Exception {
        Snapshot before = Snapshot.of(web.world);
        assertRefused(400, "segment: the segment confirmed-before:+99999-01-01 is not one of all, tag:NAME or confirmed-before:YYYY-MM-DD",
                before, json("POST", "/api/campaigns", "{\"id\": \"sale\", \"kind\": \"announcement\", \"name\": \"sale\","
                        + " \"subject\": \"s\", \"body_markdown\": \"b\", \"segment\": \"confirmed-before:+99999-01-01\"}"));
    }
}
