package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.erasure.SuppressionList;
import dev.tayori.mail.EmailAddress;
import dev.tayori.subscriber.ConsentWording;
import dev.tayori.subscriber.SubscriberException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader's record in Chromium, through the admin pages alone: the whole consent record of a reader
 * who signed up in this browser, and erasing a reader, after which nothing finds them and the address
 * cannot be added again.
 */
class ReaderRecordInBrowserTest {
    @TempDir
    Path dir;
    WebWorld web;
    ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        web = new WebWorld(dir, tokyo(2026, 11, 23, 10, 0), false);
        web.world.cli("subscribers", "add", "hanako@example.jp", "--name", "山田花子", "--confirmed", "--consent-source", "セミナー");
        web.world.cli("subscribers", "add", "taro@example.jp", "--name", "鈴木太郎", "--confirmed", "--consent-source", "セミナー");
        browser = Browser.start(dir.resolve("chromium-profile"));
        browser.get(web.base + "/admin");
        browser.findElement(By.id("password")).sendKeys(WebWorld.ADMIN_PASSWORD);
        Browser.clickToNewPage(browser, By.cssSelector("button[type=submit]"));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        web.close();
    }

    private void search(String text) {
        browser.get(web.base + "/admin/subscribers");
        browser.findElement(By.id("q")).sendKeys(text);
        Browser.clickToNewPage(browser, By.id("search"));
    }

    private void heading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), text));
    }

    @Test
    void anErasedReaderIsGoneFromTheListAndSearchesAndTheirAddressCannotBeAddedAgain() {
        search("山田");
        Browser.clickToNewPage(browser, By.linkText("hanako@example.jp"));
        Browser.clickToNewPage(browser, By.cssSelector("#erase a"));
        assertTrue(browser.findElement(By.id("what")).getText().contains("hanako@example.jp"));
        Browser.clickToNewPage(browser, By.id("erase-button"));
        assertTrue(browser.findElement(By.id("erased")).getText().contains("消去しました"));

        browser.get(web.base + "/admin/subscribers");
        String list = browser.findElement(By.id("subscribers")).getText();
        assertTrue(list.contains("taro@example.jp"), list);
        assertFalse(list.contains("hanako@") || list.contains("山田花子"), list);
        assertEquals("1人", browser.findElement(By.id("total")).getText(), "the erased reader's placeholder is not counted");
        for (String old : List.of("hanako@example.jp", "山田")) {
            search(old);
            assertEquals("0人", browser.findElement(By.id("total")).getText(), old);
            assertEquals("該当する購読者はいません", browser.findElement(By.cssSelector("#subscribers tbody")).getText(), old);
        }
        boolean suppressed = web.world.app().jdbi().withHandle(h -> SuppressionList.isSuppressed(h,
                EmailAddress.parse("hanako@example.jp")));
        assertTrue(suppressed, "the address is on the suppression list");

        // Adding it again from the admin is refused, with a confirmation mail (the form's default) or without.
        for (String mode : List.of("confirm-mail", "confirmed")) {
            browser.get(web.base + "/admin/subscribers/new");
            browser.findElement(By.id("email")).sendKeys("hanako@example.jp");
            browser.findElement(By.id("consent-source")).sendKeys("セミナー（再登録）");
            browser.findElement(By.cssSelector("input[name=mode][value=" + mode + "]")).click();
            Browser.clickToNewPage(browser, By.id("add"));
            String error = browser.findElement(By.id("error")).getText();
            assertTrue(error.contains("ご本人の求めで消去され、配信停止リストに載っています"), mode + ": " + error);
        }
        assertThrows(SubscriberException.class, () -> web.world.app().subscribers().byEmail("hanako@example.jp"));
        assertEquals(0, web.world.received().size(), "no confirmation mail to an erased address");
    }

    @Test
    void aReadersPageShowsEachConsentEventWithItsTimeSourceOriginBrowserFormVersionAndWording() {
        browser.get(web.base + "/subscribe");
        browser.findElement(By.id("email")).sendKeys("yomu@example.jp");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        heading("確認メール");
        web.awaitMail(1);
        web.world.clock.set(tokyo(2026, 11, 23, 10, 7)); // the reader clicks the link seven minutes later
        browser.get(WebWorld.link(MailParts.text(web.world.received().get(0)), "confirm"));
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        heading("ありがとうございます");
        String userAgent = (String) browser.executeScript("return navigator.userAgent");

        long id = web.world.app().subscribers().byEmail("yomu@example.jp").id();
        browser.get(web.base + "/admin/subscribers/" + id);
        List<WebElement> rows = browser.findElements(By.cssSelector("#consents tbody tr"));
        assertEquals(2, rows.size(), browser.findElement(By.id("consents")).getText());
        String wording = ConsentWording.text(web.world.settings().sender().name());
        assertEquals(List.of("2026-11-23 10:00 +09:00", "フォームから申込", "127.0.0.1", userAgent, ConsentWording.VERSION,
                wording), cells(rows.get(0)), "the sign-up: the form, this browser, the version and its words");
        assertEquals(List.of("2026-11-23 10:07 +09:00", "確認メールのリンクから登録確認", "127.0.0.1", userAgent, "", ""),
                cells(rows.get(1)), "the confirmation: its own time, from the link");
    }

    /** A consent row's cells in the table's order: 日時, 内容, 接続元, ブラウザ, フォーム版, 同意文言. */
    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }
}
