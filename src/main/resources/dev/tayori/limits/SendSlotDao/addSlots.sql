-- Slots a ring lacks: a new limit, or a raised one. Two processes starting at once add each slot once.
INSERT INTO send_slots (limit_name, slot, taken_at, earlier_at, holder) VALUES (:ring, :slot, :takenAt, 0, NULL)
ON CONFLICT (limit_name, slot) DO NOTHING
