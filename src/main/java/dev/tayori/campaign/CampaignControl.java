package dev.tayori.campaign;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * Pausing and resuming. A paused sequence holds each subscriber at their next step, a paused
 * newsletter skips its slots (and records the skips), a paused announcement stops sending mid-way;
 * resuming carries on from there without sending anyone a second copy.
 */
public final class CampaignControl {
    private final Jdbi jdbi;
    private final Campaigns campaigns;
    private final Clock clock;

    public CampaignControl(Jdbi jdbi, Campaigns campaigns, Clock clock) {
        this.jdbi = jdbi;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** Returns false when it was already paused. */
    public boolean pause(String campaignId, String by) {
        campaigns.get(campaignId);
        return jdbi.inTransaction(h -> {
            CampaignStateDao dao = h.attach(CampaignStateDao.class);
            dao.seen(campaignId, clock.instant());
            return dao.pause(campaignId, clock.instant(), by) == 1;
        });
    }

    /** Returns false when it was not paused. */
    public boolean resume(String campaignId) {
        campaigns.get(campaignId);
        return jdbi.withExtension(CampaignStateDao.class, dao -> dao.resume(campaignId)) == 1;
    }

    public boolean paused(String campaignId) {
        return jdbi.withExtension(CampaignStateDao.class, dao -> dao.paused(campaignId));
    }
}
