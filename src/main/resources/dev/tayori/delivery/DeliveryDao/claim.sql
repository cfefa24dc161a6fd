-- One statement claims a batch: rows that are due, or claimed by a sender whose lease ran out
-- (a killed process). The state test is repeated outside the subquery so that on PostgreSQL a
-- row another node claimed meanwhile is re-checked and skipped: two senders never hold one row.
-- The bare "state IN (...)" lets SQLite read the partial index deliveries_pending in due order
-- (without it, every claim scanned and sorted the whole table).
-- <skipLocked> is FOR UPDATE SKIP LOCKED on PostgreSQL (db/Database): two nodes claiming at once
-- each take rows the other has not locked, instead of waiting on each other's rows in a different
-- order until PostgreSQL breaks the deadlock by failing one of them. SQLite has one writer at a time.
-- Rows of a paused campaign stay where they are until it is resumed.
-- Leases run on the wall clock (:now), not on the instant being sent for (:at): a `send-due --at`
-- for tomorrow must not take today's rows from a sender that is still working on them.
UPDATE deliveries
SET state = 'sending', lease_owner = :owner, lease_until = :leaseUntil, attempts = attempts + 1
WHERE id IN (SELECT d.id FROM deliveries d
             WHERE d.state IN ('planned', 'sending')
               AND ((d.state = 'planned' AND d.next_attempt_at <= :at)
                    OR (d.state = 'sending' AND d.lease_until < :now))
               AND NOT EXISTS (SELECT 1 FROM campaign_state c
                               WHERE c.campaign_id = d.campaign_id AND c.paused_at IS NOT NULL)
             ORDER BY d.next_attempt_at, d.id
             LIMIT :limit <skipLocked>)
  AND ((state = 'planned' AND next_attempt_at <= :at) OR (state = 'sending' AND lease_until < :now))
