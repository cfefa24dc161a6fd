package dev.tayori.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tayori.config.Sender;
import dev.tayori.config.SmtpSettings;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** tayori's own SMTP session against GreenMail: login, the message as written, and dot-stuffing. */
class SmtpConnectionTest {
    GreenMail server;

    @BeforeEach
    void start() {
        server = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("letters@example.jp", "secret"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private SmtpSettings settings(String user, String password) {
        return new SmtpSettings("127.0.0.1", server.getSmtp().getPort(), user, password, false, 10, 1, 1000, 0, "", "");
    }

    private MessageBuilder.Wire message(SmtpConnection smtp, String text) {
        OutgoingMail mail = new OutgoingMail(new Sender("こころの便り", "letters@example.jp", "東京都", "support@example.jp"),
                "hanako@example.jp", "花子", "【1日目】いまの気持ちに名前をつける", "<p>" + text + "</p>", text,
                "<test-1@example.jp>", null, null);
        return new MessageBuilder(Clock.systemUTC()).wire(mail);
    }

    @Test
    void logsInAndTheServerReceivesTheMessageAsBuilt() throws Exception {
        try (SmtpConnection smtp = new SmtpConnection(settings("letters@example.jp", "secret"))) {
            smtp.send(message(smtp, "今日の気持ちを一言で書いてみましょう。"));
            smtp.send(message(smtp, "二通目も同じ接続で届きます。"));
        }
        MimeMessage[] received = server.getReceivedMessages();
        assertEquals(2, received.length);
        assertEquals("【1日目】いまの気持ちに名前をつける", received[0].getSubject());
        assertEquals("<test-1@example.jp>", received[0].getMessageID());
        assertTrue(received[1].getContent() instanceof jakarta.mail.Multipart);
    }

    @Test
    void aRefusedLoginIsReportedAsTheServerRefusingIt() {
        try (SmtpConnection smtp = new SmtpConnection(settings("letters@example.jp", "wrong"))) {
            SmtpFailure failure = assertThrows(SmtpFailure.class, () -> smtp.send(message(smtp, "本文")));
            assertEquals(SmtpFailure.Kind.LOGIN_REFUSED, failure.kind());
            assertTrue(failure.getMessage().contains("refused the login"), failure.getMessage());
        }
        assertEquals(0, server.getReceivedMessages().length);
    }

    @Test
    void linesStartingWithAPeriodAreDoubledAndTheLastLineIsEnded() {
        byte[] message = "Subject: x\r\n\r\n.hidden\r\nmiddle\r\n..two\r\nend".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals("Subject: x\r\n\r\n..hidden\r\nmiddle\r\n...two\r\nend\r\n".getBytes(StandardCharsets.US_ASCII),
                SmtpSession.dotStuffed(message));
    }
}
