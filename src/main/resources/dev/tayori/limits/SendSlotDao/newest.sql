-- The latest instants of a ring whose limit was lowered: they are the sends the lower limit must still count.
SELECT taken_at FROM send_slots WHERE limit_name = :ring ORDER BY taken_at DESC LIMIT :count
