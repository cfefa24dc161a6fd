-- Written last on a clean stop, after the rows this node held were handed back.
UPDATE nodes SET stopped_at = :now, last_tick_at = :now WHERE name = :name AND instance = :instance
