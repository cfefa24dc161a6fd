-- Whether a ring is whole, and when its next slot frees: the oldest slot is the first to be a
-- period old. Slots past this process's count are another setting's (or a count lowered since).
SELECT COUNT(*) AS slots, MIN(taken_at) AS oldest FROM send_slots WHERE limit_name = :ring AND slot < :count
