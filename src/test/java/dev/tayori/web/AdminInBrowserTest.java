package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The operator signs in and schedules an announcement, in a real browser. */
class AdminInBrowserTest {
    @TempDir
    Path dir;
    WebWorld web;
    ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        web = new WebWorld(dir, tokyo(2026, 11, 23, 10, 0), false);
        browser = Browser.start(dir.resolve("chromium-profile"));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        web.close();
    }

    private void heading(String text) {
        // a page being replaced can answer for a node that is already gone: look again until it holds
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), text));
    }

    /** Clicks something that loads a new page and waits until the old page is gone. */
    private void clickToNewPage(By what) {
        Browser.clickToNewPage(browser, what);
    }

    /** Opens {@code path} without a session: the sign-in page comes first, and the dashboard after it. */
    private void signInFrom(String path) {
        browser.get(web.base + path);
        heading("サインイン");
        browser.findElement(By.id("password")).sendKeys(WebWorld.ADMIN_PASSWORD);
        clickToNewPage(By.cssSelector("form button[type=submit]"));
        heading("ダッシュボード");
    }

    @Test
    void theOperatorSignsInSchedulesAnAnnouncementAndSeesItsNextSend() {
        signInFrom("/admin/campaigns");

        clickToNewPage(By.linkText("キャンペーン"));
        heading("キャンペーン");
        clickToNewPage(By.linkText("オンライン講座 先行予約のご案内"));
        heading("オンライン講座");
        WebElement at = browser.findElement(By.id("at"));
        browser.executeScript("arguments[0].value = '2026-12-01T12:00'", at);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("segment"))).selectByValue("workbook-finished");
        clickToNewPage(By.id("schedule-next"));
        heading("配信の確認");
        assertEquals("0人に 12月1日(火) 12:00 に送信します", browser.findElement(By.id("confirm-line")).getText());
        assertTrue(web.world.app().announcements().find("course-early-booking").isEmpty(), "nothing before the button");
        clickToNewPage(By.id("confirm"));
        heading("オンライン講座");

        assertEquals("12月1日(火) 12:00", browser.findElement(By.id("next-send")).getText());
        var schedule = web.world.app().announcements().find("course-early-booking").orElseThrow();
        assertEquals(tokyo(2026, 12, 1, 12, 0), schedule.sendAt());
        assertEquals("workbook-finished", schedule.segment());
        assertEquals("配信を予約しました。", browser.findElement(By.cssSelector("p.notice")).getText());
        browser.get(web.base + "/admin/campaigns");
        String next = browser.findElement(By.cssSelector("tr[data-campaign='course-early-booking'] td.next")).getText();
        assertTrue(next.endsWith("12月1日(火) 12:00"), next);
    }

    @Test
    void theOperatorSendsAnAnnouncementNowThroughTheSameConfirmation() {
        assertEquals(0, web.world.cli("subscribers", "add", "reader@example.jp", "--confirmed", "--consent-source", "テスト").exitCode());
        signInFrom("/admin/campaigns/course-early-booking");
        browser.get(web.base + "/admin/campaigns/course-early-booking");
        heading("オンライン講座");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("segment"))).selectByValue("all");
        clickToNewPage(By.id("send-now"));
        heading("配信の確認");
        assertEquals("1人に 今すぐ送信します", browser.findElement(By.id("confirm-line")).getText());
        assertEquals("今すぐ送信する", browser.findElement(By.id("confirm")).getText());
        assertTrue(web.world.app().announcements().find("course-early-booking").isEmpty(), "nothing before the button");
        clickToNewPage(By.id("confirm"));
        heading("オンライン講座");

        assertTrue(browser.findElement(By.cssSelector("p.notice")).getText().startsWith("今すぐ送信するよう予約しました。"));
        var schedule = web.world.app().announcements().find("course-early-booking").orElseThrow();
        assertEquals(tokyo(2026, 11, 23, 10, 0), schedule.sendAt(), "due at once, at the next run");
        assertEquals("all", schedule.segment());
    }

    @Test
    void theOperatorSendsATestCopyOfAWorkbookLessonFromTheCampaignPage() {
        signInFrom("/admin/campaigns/workbook");
        browser.get(web.base + "/admin/campaigns/workbook");
        heading("7日間ワークブック");

        browser.findElement(By.id("test-to")).sendKeys("editor@example.jp");
        WebElement step = browser.findElement(By.id("test-step"));
        step.clear();
        step.sendKeys("2");
        browser.findElement(By.cssSelector("#test-send-form button[type=submit]")).click();
        String result = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("test-send-result"))).getText();
        assertEquals("テスト送信しました: editor@example.jp 宛て（2通目）", result);
        web.awaitMail(1);
        String subject = dev.tayori.MailParts.subject(web.world.received().get(0));
        assertTrue(subject.startsWith("[テスト] 【2日目】"), subject);
        assertEquals("editor@example.jp", browser.findElement(By.id("test-to")).getAttribute("value"),
                "the address stays in the field for the next step");
    }
}
