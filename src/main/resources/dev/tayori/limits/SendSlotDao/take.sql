-- Reserves up to :most free slots of a ring in one statement: free means last counted a period ago
-- or longer (:freeBefore = now - period). They count as used at :countAs, the end of the time this
-- process may use them in, so a mail sent late in that time is still inside the window it was
-- counted in. The free test is repeated outside the subquery: on PostgreSQL a slot another node took
-- meanwhile is checked again after its lock and skipped (this one then gets fewer), so no two
-- processes ever hold one slot; SQLite runs one writer at a time. earlier_at keeps what taken_at
-- was, for handing an unused slot back. <skipLocked>: as in DeliveryDao/claim.sql, no deadlock
-- between two nodes reserving at once.
UPDATE send_slots
SET earlier_at = taken_at, taken_at = :countAs, holder = :holder
WHERE limit_name = :ring AND slot < :count AND taken_at <= :freeBefore
  AND slot IN (SELECT s.slot FROM send_slots s
               WHERE s.limit_name = :ring AND s.slot < :count AND s.taken_at <= :freeBefore
               ORDER BY s.taken_at, s.slot
               LIMIT :most <skipLocked>)
