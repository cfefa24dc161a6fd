-- One statement claims a batch: rows that are due, or claimed by a sender whose lease ran out
-- (a killed process). The state test is repeated outside the subquery so that on PostgreSQL a
-- row another node claimed meanwhile is re-checked and skipped: two senders never hold one row.
UPDATE deliveries
SET state = 'sending', lease_owner = :owner, lease_until = :leaseUntil, attempts = attempts + 1
WHERE id IN (SELECT id FROM deliveries
             WHERE (state = 'planned' AND next_attempt_at <= :at)
                OR (state = 'sending' AND lease_until < :at)
             ORDER BY next_attempt_at, id
             LIMIT :limit)
  AND ((state = 'planned' AND next_attempt_at <= :at) OR (state = 'sending' AND lease_until < :at))
