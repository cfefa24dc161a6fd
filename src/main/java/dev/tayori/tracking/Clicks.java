package dev.tayori.tracking;

import dev.tayori.config.TrackingSettings;
import dev.tayori.render.RenderedMail;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Click counts (README "Click counts"), off by default. With tracking.clicks on, each http(s) link
 * of a campaign mail points at {@code {base-url}/r/TOKEN}; the token names the delivery and the
 * stored link, signed ({@link ClickTokens}), so the link list of a mail needs no row per mail: a
 * token can only have come from a mail that had that link. It is applied to each reader's mail
 * after rendering (and after a mailing's stencil is filled in), so the token is per delivery.
 */
public final class Clicks {
    /** Where /r/ sends a request, and whether it was counted. */
    public record Followed(String url, boolean counted) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final boolean on;
    private final String baseUrl;
    private final LinkRewriter rewriter;
    private final Map<String, Long> linkIds = new ConcurrentHashMap<>();
    private volatile ClickTokens tokens;

    public Clicks(Jdbi jdbi, Clock clock, TrackingSettings settings, String baseUrl) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.on = settings.clicks();
        this.baseUrl = baseUrl;
        this.rewriter = new LinkRewriter(baseUrl);
    }

    public boolean on() {
        return on;
    }

    /** The mail with its links behind /r/ for this delivery; with clicks off, the very same mail. */
    public RenderedMail track(RenderedMail mail, long deliveryId) {
        if (!on) {
            return mail;
        }
        ClickTokens signing = tokens();
        java.util.function.Function<String, String> tracked = url -> baseUrl + "/r/"
                + signing.token(deliveryId, linkId(url));
        return new RenderedMail(mail.subject(), rewriter.html(mail.html(), tracked), rewriter.text(mail.text(), tracked));
    }

    /**
     * Where a token leads, counting a click when a reader (not a HEAD request or a link scanner)
     * followed it and counts are on; empty for a token we did not make.
     */
    public Optional<Followed> follow(String token, boolean head, String userAgent) {
        Optional<ClickTokens.Target> target = existingTokens().flatMap(t -> t.read(token));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        long delivery = target.get().deliveryId();
        long link = target.get().linkId();
        return jdbi.withExtension(ClickDao.class, dao -> {
            Optional<String> url = dao.url(link);
            if (url.isEmpty() || dao.deliveryExists(delivery) == 0) {
                return Optional.<Followed>empty();
            }
            boolean count = on && !head && !Scanners.isScanner(userAgent);
            if (count) {
                dao.insertClick(delivery, link, clock.instant());
            }
            return Optional.of(new Followed(url.get(), count));
        });
    }

    public ClickCount ofCampaign(String campaignId) {
        return jdbi.withExtension(ClickDao.class, dao -> dao.perCampaign(campaignId));
    }

    public List<LinkClicks> perLink(String campaignId) {
        return jdbi.withExtension(ClickDao.class, dao -> dao.perLink(campaignId));
    }

    /** Lines for {@code campaigns stats}: the campaign's clicks, then each link's. */
    public List<String> statsLines(String campaignId) {
        ClickCount all = ofCampaign(campaignId);
        if (!on && all.total() == 0) {
            return List.of("clicks: not counted (tracking.clicks is off)");
        }
        List<String> lines = new java.util.ArrayList<>();
        lines.add("clicks: " + all.uniques() + " unique, " + all.total() + " total");
        perLink(campaignId).forEach(l -> lines.add("  " + l.uniques() + " unique, " + l.total() + " total  " + l.url()));
        return lines;
    }

    /** For the report page's template (the sandbox shows maps): whether counted, totals, and each link's. */
    public Map<String, Object> forPage(String campaignId) {
        ClickCount all = ofCampaign(campaignId);
        List<Map<String, Object>> links = perLink(campaignId).stream()
                .map(l -> Map.<String, Object>of("url", l.url(), "uniques", l.uniques(), "total", l.total())).toList();
        return Map.of("on", on, "uniques", all.uniques(), "total", all.total(), "links", links);
    }

    private long linkId(String url) {
        return linkIds.computeIfAbsent(url, u -> jdbi.inTransaction(h -> {
            ClickDao dao = h.attach(ClickDao.class);
            dao.insertLink(u);
            return dao.linkId(u);
        }));
    }

    private ClickTokens tokens() {
        ClickTokens t = tokens;
        if (t == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            String secret = jdbi.inTransaction(h -> {
                ClickDao dao = h.attach(ClickDao.class);
                dao.insertKey(Base64.getEncoder().encodeToString(fresh));
                return dao.key().orElseThrow();
            });
            t = new ClickTokens(Base64.getDecoder().decode(secret));
            tokens = t;
        }
        return t;
    }

    /** The signing key if one was ever made; none means no token was ever given out. */
    private Optional<ClickTokens> existingTokens() {
        if (tokens != null) {
            return Optional.of(tokens);
        }
        Optional<String> secret = jdbi.withExtension(ClickDao.class, ClickDao::key);
        secret.ifPresent(s -> tokens = new ClickTokens(Base64.getDecoder().decode(s)));
        return Optional.ofNullable(tokens);
    }
}
