package dev.tayori.campaign;

import dev.tayori.render.Templates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The campaigns loaded from campaigns/, each checked against its templates at load: a typo in a
 * file or a template is found when tayori starts, not when the mail is due.
 */
public final class Campaigns {
    private final Map<String, Campaign> byId;

    private Campaigns(List<Campaign> campaigns) {
        this.byId = new LinkedHashMap<>();
        campaigns.forEach(c -> byId.put(c.id(), c));
    }

    /** Loads and checks everything; throws with every problem found. */
    public static Campaigns load(Path dir, Templates templates) {
        List<CampaignProblem> problems = new ArrayList<>();
        List<Campaign> campaigns = CampaignFiles.read(dir, problems);
        TemplateChecks checks = new TemplateChecks(templates);
        checks.check(campaigns, problems);
        checks.checkSystemMail("system/confirm", problems);
        if (!problems.isEmpty()) {
            throw new CampaignFileException(problems);
        }
        return new Campaigns(campaigns);
    }

    public List<Campaign> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Campaign> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Campaign get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("there is no campaign '" + id
                + "'; campaigns: " + byId.keySet().stream().collect(Collectors.joining(", "))));
    }

    public List<Sequence> sequences() {
        return byId.values().stream().filter(Sequence.class::isInstance).map(Sequence.class::cast).toList();
    }

    public List<Newsletter> newsletters() {
        return byId.values().stream().filter(Newsletter.class::isInstance).map(Newsletter.class::cast).toList();
    }

    public List<Announcement> announcements() {
        return byId.values().stream().filter(Announcement.class::isInstance).map(Announcement.class::cast).toList();
    }

    /** The sequence a new subscriber joins on confirming: the one named workbook, else the first. */
    public Optional<Sequence> welcomeSequence() {
        return find("workbook").filter(Sequence.class::isInstance).map(Sequence.class::cast)
                .or(() -> sequences().stream().findFirst());
    }
}
