-- A ring about to be written again at its new size (in the same transaction).
DELETE FROM send_slots WHERE limit_name = :ring
