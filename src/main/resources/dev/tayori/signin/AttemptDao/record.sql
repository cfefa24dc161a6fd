-- One attempt, recorded before it is counted: of attempts made at once on two processes, the later
-- one to commit always sees the other, so together they never get past the limit.
INSERT INTO sign_in_attempts (attempt, address, attempted_at) VALUES (:attempt, :address, :at)
