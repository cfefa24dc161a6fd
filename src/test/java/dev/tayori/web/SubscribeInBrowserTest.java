package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.delivery.SendReport;
import dev.tayori.subscriber.SubscriberStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** A reader's whole path in a real browser: sign up, confirm, read lesson 1, unsubscribe. */
class SubscribeInBrowserTest {
    @TempDir
    Path dir;
    WebWorld web;
    ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        web = new WebWorld(dir, tokyo(2026, 11, 23, 10, 0), true);
        browser = Browser.start(dir.resolve("chromium-profile"));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        web.close();
    }

    /** Waits for the page after a form post: its heading. */
    private void heading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), text));
    }

    @Test
    void aReaderSubscribesConfirmsReadsLessonOneAndUnsubscribes() {
        browser.get(web.base + "/subscribe");
        assertEquals("ja", browser.findElement(By.tagName("html")).getAttribute("lang"));
        browser.findElement(By.cssSelector("label[for=email]"));
        browser.findElement(By.id("email")).sendKeys("hanako@example.jp");
        browser.findElement(By.id("name")).sendKeys("花子");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        heading("確認メール");

        web.awaitMail(1);
        String confirmUrl = WebWorld.link(MailParts.text(web.world.received().get(0)), "confirm");
        browser.get(confirmUrl);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        heading("ありがとうございます");

        web.awaitMail(2);
        var lesson1 = web.world.received().get(1);
        assertEquals("hanako@example.jp", MailParts.to(lesson1));
        assertTrue(MailParts.subject(lesson1).startsWith("【1日目】"), MailParts.subject(lesson1));
        String header = MailParts.header(lesson1, "List-Unsubscribe");
        String unsubscribeUrl = header.substring(1, header.length() - 1);
        assertTrue(MailParts.html(lesson1).contains(unsubscribeUrl), "the footer link is the header's URL");

        browser.get(unsubscribeUrl);
        assertEquals(SubscriberStatus.CONFIRMED, web.world.app().subscribers().byEmail("hanako@example.jp").status(),
                "opening the page alone unsubscribes nobody");
        browser.findElement(By.xpath("//button[contains(., 'すべての配信を停止する')]")).click();
        heading("停止しました");
        assertEquals(SubscriberStatus.UNSUBSCRIBED, web.world.app().subscribers().byEmail("hanako@example.jp").status());

        SendReport next = web.world.app().dueWork().run(tokyo(2026, 11, 24, 7, 0));
        assertEquals(0, next.total(c -> c.sent));
        assertEquals(2, web.world.received().size(), "the next send-due sends that address nothing");
    }

    @Test
    void aNewcomerFollowsTheDemoThroughTheMailboxPages() {
        browser.get(web.base + "/subscribe");
        browser.findElement(By.id("email")).sendKeys("newcomer@example.jp");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        heading("確認メール");
        web.awaitMail(1);

        browser.get(web.base + "/mailbox");
        browser.findElement(By.partialLinkText("ご確認")).click();
        browser.findElement(By.partialLinkText("/confirm/")).click();
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        heading("ありがとうございます");
        web.awaitMail(2);

        browser.get(web.base + "/mailbox");
        browser.findElement(By.partialLinkText("【1日目】")).click();
        browser.findElement(By.linkText("HTML版で見る")).click();
        String lesson = browser.findElement(By.tagName("body")).getText();
        assertTrue(lesson.contains("今日のワーク") || lesson.length() > 200, lesson);
        assertTrue(browser.findElements(By.cssSelector("a[href*='/unsubscribe/']")).size() > 0,
                "lesson 1 in the mailbox has a working unsubscribe link");
    }
}
