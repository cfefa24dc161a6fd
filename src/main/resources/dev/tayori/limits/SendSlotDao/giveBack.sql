-- Hands back up to :most slots of one reservation that no mail used (the run ended, or their time
-- ran out): each is as it was before, free. A slot another reservation took since has another
-- holder and is left alone.
UPDATE send_slots
SET taken_at = earlier_at, holder = NULL
WHERE limit_name = :ring AND holder = :holder
  AND slot IN (SELECT s.slot FROM send_slots s WHERE s.limit_name = :ring AND s.holder = :holder
               ORDER BY s.slot LIMIT :most)
