package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** The operator finds, imports and bulk-tags readers in Chromium, through the pages alone. */
class ReadersInBrowserTest {
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

    @Test
    void partOfAJapaneseNameFindsTheReader() {
        browser.get(web.base + "/admin/subscribers");
        browser.findElement(By.id("q")).sendKeys("山田");
        Browser.clickToNewPage(browser, By.id("search"));
        String list = browser.findElement(By.id("subscribers")).getText();
        assertTrue(list.contains("hanako@example.jp") && !list.contains("taro@example.jp"), list);
    }

    @Test
    void anImportWithABadRowShowsItsLineOnTheResultPage() throws Exception {
        Path csv = dir.resolve("readers.csv");
        Files.writeString(csv, "email,name\nnew@example.jp,新しい人\nnot-an-address,壊れた行\n", StandardCharsets.UTF_8);
        browser.get(web.base + "/admin/subscribers/import");
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        browser.findElement(By.id("consent-source")).sendKeys("申込用紙");
        Browser.clickToNewPage(browser, By.id("import"));
        // the run's page reloads itself until the result is there
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("finished")));
        assertEquals("1", browser.findElement(By.id("imported")).getText());
        assertEquals("1", browser.findElement(By.id("skipped-count")).getText());
        assertEquals("3", browser.findElement(By.cssSelector("#skipped tbody td[data-label='行']")).getText(),
                "the bad row is line 3 of the file");
        String why = browser.findElement(By.cssSelector("#skipped tbody td[data-label='理由']")).getText();
        assertTrue(why.startsWith("メールアドレス「not-an-address」は使えません。"), "why, in Japanese: " + why);
    }

    @Test
    void aFilteredSetIsTaggedAfterTheConfirmationSaysHowMany() {
        browser.get(web.base + "/admin/subscribers?q=" + java.net.URLEncoder.encode("鈴木", StandardCharsets.UTF_8));
        browser.findElement(By.id("bulk-tag")).sendKeys("seminar");
        Browser.clickToNewPage(browser, By.id("bulk-tag-button"));
        assertEquals("1人にタグ「seminar」を付けます", browser.findElement(By.id("sentence")).getText());
        Browser.clickToNewPage(browser, By.id("bulk-run"));
        assertTrue(browser.findElement(By.cssSelector("p.notice")).getText().contains("1人にタグを付けました"));
        assertEquals(java.util.List.of("seminar"), web.world.app().jdbi().withExtension(
                dev.tayori.subscriber.SubscriberDao.class, d -> d.tagsOf(web.world.app().subscribers().byEmail("taro@example.jp").id())));
    }
}
