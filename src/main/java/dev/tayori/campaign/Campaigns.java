package dev.tayori.campaign;

import dev.tayori.render.Templates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The campaigns loaded from campaigns/, each checked against its templates at load: a typo in a
 * file or a template is found when tayori starts, not when the mail is due.
 */
public final class Campaigns {
    /** The files' campaigns; replaced whole, never changed, when newer files are adopted. */
    private volatile Map<String, Campaign> byId;
    /** Announcements written in the browser (authoring/), which have no file; listed after the files. */
    private final Supplier<List<Announcement>> stored;
    /** Lessons added in the browser after a sequence's file ones (authoring/AddedSteps); none by default. */
    private final UnaryOperator<Sequence> addedSteps;

    private Campaigns(List<Campaign> campaigns, Supplier<List<Announcement>> stored, UnaryOperator<Sequence> addedSteps) {
        Map<String, Campaign> files = new LinkedHashMap<>();
        campaigns.forEach(c -> files.put(c.id(), c));
        this.byId = java.util.Collections.unmodifiableMap(files);
        this.stored = stored;
        this.addedSteps = addedSteps;
    }

    /**
     * Makes {@code newer}'s file campaigns (loaded and checked by {@link #load}) the ones every later
     * look-up sees; the announcements made in the browser stay as they are. Campaigns that are gone
     * from the files are gone from here: what was planned for them is refused at send time.
     */
    public void adopt(Campaigns newer) {
        this.byId = newer.byId;
    }

    /**
     * These campaigns and the announcements {@code stored} supplies (made in the browser, kept in the
     * database), so planners, scheduler, listings, admin and API see both alike. A file wins over a
     * stored announcement of the same id (creating one with a file's id is refused anyway).
     */
    public Campaigns with(Supplier<List<Announcement>> stored) {
        return new Campaigns(List.copyOf(byId.values()), stored, addedSteps);
    }

    /** These campaigns with each sequence as {@code addedSteps} extends it (lessons added in the browser). */
    public Campaigns withAddedSteps(UnaryOperator<Sequence> addedSteps) {
        return new Campaigns(List.copyOf(byId.values()), stored, addedSteps);
    }

    private Campaign extended(Campaign c) {
        return c instanceof Sequence s ? addedSteps.apply(s) : c;
    }

    /** Loads and checks everything; throws with every problem found. */
    public static Campaigns load(Path dir, Templates templates) {
        List<CampaignProblem> problems = new ArrayList<>();
        List<Campaign> campaigns = CampaignFiles.read(dir, problems);
        TemplateChecks checks = new TemplateChecks(templates);
        checks.check(campaigns, problems);
        checks.checkSystemMail("system/confirm", problems);
        checks.checkEveryTemplate(problems);
        if (!problems.isEmpty()) {
            throw new CampaignFileException(problems);
        }
        return new Campaigns(campaigns, List::of, UnaryOperator.identity());
    }

    /** How many campaigns the files define (announcements written in the browser not counted). */
    public int fromFiles() {
        return byId.size();
    }

    public List<Campaign> all() {
        Map<String, Campaign> files = byId;
        List<Campaign> all = new ArrayList<>(files.values().stream().map(this::extended).toList());
        stored.get().stream().filter(a -> !files.containsKey(a.id())).forEach(all::add);
        return List.copyOf(all);
    }

    public Optional<Campaign> find(String id) {
        Campaign file = byId.get(id);
        if (file != null) {
            return Optional.of(extended(file));
        }
        return stored.get().stream().filter(a -> a.id().equals(id)).map(Campaign.class::cast).findFirst();
    }

    public Campaign get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("there is no campaign '" + id
                + "'; campaigns: " + all().stream().map(Campaign::id).collect(Collectors.joining(", "))));
    }

    public List<Sequence> sequences() {
        return byId.values().stream().filter(Sequence.class::isInstance).map(Sequence.class::cast).map(addedSteps).toList();
    }

    public List<Newsletter> newsletters() {
        return byId.values().stream().filter(Newsletter.class::isInstance).map(Newsletter.class::cast).toList();
    }

    public List<Announcement> announcements() {
        return all().stream().filter(Announcement.class::isInstance).map(Announcement.class::cast).toList();
    }

    /** The sequence a new subscriber joins on confirming: the one named workbook, else the first. */
    public Optional<Sequence> welcomeSequence() {
        return find("workbook").filter(Sequence.class::isInstance).map(Sequence.class::cast)
                .or(() -> sequences().stream().findFirst());
    }
}
