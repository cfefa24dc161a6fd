package dev.tayori.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The figures of one mailing. Every query takes the mailing's fixed condition ({@link Mailing#condition})
 * as {@code <mailing>} and binds both its values; the condition uses the one it needs.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(ReportDao.SentSpan.class)
@RegisterConstructorMapper(ReportDao.Reports.class)
@RegisterConstructorMapper(ReportDao.Unsubscribes.class)
@RegisterConstructorMapper(ReportDao.ClickTotals.class)
@RegisterConstructorMapper(LinkClicks.class)
@RegisterConstructorMapper(ReportDao.FailureRow.class)
@RegisterConstructorMapper(ReportDao.DayCount.class)
interface ReportDao {
    record SentSpan(Instant firstSent, Instant lastSent) {
    }

    record Reports(int bounced, int hard, int complaints) {
    }

    record Unsubscribes(int total, int newsletterOnly) {
    }

    record ClickTotals(int uniques, int total) {
    }

    record FailureRow(long deliveryId, String email, Instant erasedAt, String kind, Instant at, String status,
            String reason) {
    }

    record DayCount(String what, long day, int n) {
    }

    @SqlQuery
    @KeyColumn("state")
    @ValueColumn("n")
    Map<String, Integer> countsByState(@Define("mailing") String mailing, @Bind("campaignId") String campaignId,
            @Bind("itemKey") String itemKey, @Bind("step") int step);

    @SqlQuery
    SentSpan sentSpan(@Define("mailing") String mailing, @Bind("campaignId") String campaignId,
            @Bind("itemKey") String itemKey, @Bind("step") int step);

    @SqlQuery
    Reports reports(@Define("mailing") String mailing, @Bind("campaignId") String campaignId,
            @Bind("itemKey") String itemKey, @Bind("step") int step);

    @SqlQuery
    Unsubscribes unsubscribes(@Define("mailing") String mailing, @Bind("campaignId") String campaignId,
            @Bind("itemKey") String itemKey, @Bind("step") int step);

    @SqlQuery
    ClickTotals clicks(@Define("mailing") String mailing, @Bind("campaignId") String campaignId,
            @Bind("itemKey") String itemKey, @Bind("step") int step);

    @SqlQuery
    List<LinkClicks> clicksPerLink(@Define("mailing") String mailing, @Bind("campaignId") String campaignId,
            @Bind("itemKey") String itemKey, @Bind("step") int step);

    /** The failure list, oldest first; a stream, so an export of many lines never holds them all. */
    @SqlQuery
    Stream<FailureRow> failures(@Define("mailing") String mailing, @Bind("campaignId") String campaignId,
            @Bind("itemKey") String itemKey, @Bind("step") int step, @Bind("limit") int limit);

    @SqlQuery
    int failureCount(@Define("mailing") String mailing, @Bind("campaignId") String campaignId,
            @Bind("itemKey") String itemKey, @Bind("step") int step);

    @SqlQuery
    List<DayCount> perDay(@Define("mailing") String mailing, @Bind("campaignId") String campaignId,
            @Bind("itemKey") String itemKey, @Bind("step") int step, @Bind("since") long since,
            @Bind("until") long until, @Bind("offsetMillis") long offsetMillis);
}
