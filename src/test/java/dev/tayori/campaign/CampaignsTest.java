package dev.tayori.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.render.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in campaign files and templates are found at load, with the file and line to fix. */
class CampaignsTest {
    @TempDir
    Path dir;
    Path campaigns;
    Path templates;

    @BeforeEach
    void copyTheShippedFiles() throws IOException {
        campaigns = dir.resolve("campaigns");
        templates = dir.resolve("templates");
        copy(Path.of("campaigns"), campaigns);
        copy(Path.of("templates"), templates);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private List<CampaignProblem> problems() {
        return assertThrows(CampaignFileException.class, () -> Campaigns.load(campaigns, new Templates(templates)))
                .problems();
    }

    private void writeCampaign(String name, String yaml) throws IOException {
        Files.writeString(campaigns.resolve(name), yaml);
    }

    @Test
    void theShippedWorkbookIsASevenStepSequenceAtSevenInTheMorning() {
        Campaigns loaded = Campaigns.load(Path.of("campaigns"), new Templates(Path.of("templates")));
        Sequence workbook = loaded.welcomeSequence().orElseThrow();
        assertEquals("workbook", workbook.id());
        assertEquals(7, workbook.size());
        assertEquals(LocalTime.of(7, 0), workbook.sendAt());
    }

    @Test
    void brokenYamlIsReportedWithItsLine() throws IOException {
        writeCampaign("spring.yaml", "kind: sequence\nsteps:\n  - subject: \"a\n    template: x\n");
        CampaignProblem p = problems().get(0);
        assertTrue(p.file().endsWith("spring.yaml"), p.toString());
        assertTrue(p.line() > 0, p.toString());
        assertTrue(p.message().contains("not valid YAML"), p.toString());
    }

    @Test
    void aMisspeltKeyIsReportedWithItsLineAndTheKeyMeant() throws IOException {
        writeCampaign("spring.yaml", """
                kind: sequence
                steps:
                  - subjet: 春の講座
                    template: campaigns/workbook/lesson-1
                """);
        List<CampaignProblem> problems = problems();
        assertTrue(problems.stream().anyMatch(p -> p.line() == 3 && p.message().contains("unknown key 'subjet'")
                && p.message().contains("did you mean 'subject'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("'subject' is missing")), problems.toString());
    }

    @Test
    void aMissingTemplateIsReportedAtTheLineThatNamesIt() throws IOException {
        writeCampaign("spring.yaml", """
                kind: sequence
                steps:
                  - subject: 春の講座
                    template: campaigns/spring/lesson-1
                """);
        CampaignProblem p = problems().get(0);
        assertEquals(4, p.line(), p.toString());
        assertTrue(p.message().contains("campaigns/spring/lesson-1.ftlh"), p.toString());
    }

    @Test
    void anUnknownKindIsReported() throws IOException {
        writeCampaign("spring.yaml", "kind: sequense\nsteps: []\n");
        CampaignProblem p = problems().get(0);
        assertEquals(1, p.line());
        assertTrue(p.message().contains("kind 'sequense' is not known"), p.toString());
    }

    @Test
    void aTemplateThatDropsTheLegalFooterIsRefused() throws IOException {
        Files.writeString(templates.resolve("campaigns/workbook/lesson-3.ftlh"), "<p>こんにちは ${subscriber.name}</p>");
        List<CampaignProblem> problems = problems();
        CampaignProblem p = problems.get(0);
        assertTrue(p.file().endsWith("workbook.yaml"), p.toString());
        assertTrue(p.message().contains("unsubscribeUrl") && p.message().contains("sender.postalAddress"), p.toString());
    }

    @Test
    void aTemplateSyntaxErrorIsReportedWithTheTemplateFileAndLine() throws IOException {
        Files.writeString(templates.resolve("campaigns/workbook/lesson-2.txt.ftl"),
                "一行目\n二行目\n<#if subscriber.name?has_content>\n閉じ忘れ\n");
        CampaignProblem p = problems().get(0);
        assertTrue(p.file().endsWith("lesson-2.txt.ftl"), p.toString());
        assertTrue(p.line() >= 3, p.toString());
    }

    @Test
    void anUnknownVariableInATemplateIsReportedWithItsLine() throws IOException {
        Files.writeString(templates.resolve("campaigns/workbook/lesson-4.txt.ftl"),
                "<#import \"/layouts/mail.txt.ftl\" as layout>\n<@layout.page>\n${subscriber.nickname}\n</@layout.page>\n");
        CampaignProblem p = problems().get(0);
        assertTrue(p.file().endsWith("lesson-4.txt.ftl"), p.toString());
        assertEquals(3, p.line(), p.toString());
        assertTrue(p.message().contains("nickname"), p.toString());
    }
}
