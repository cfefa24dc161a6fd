-- Every slot of a ring, also past this process's count: more than the count means the limit was lowered.
SELECT COUNT(*) FROM send_slots WHERE limit_name = :ring
