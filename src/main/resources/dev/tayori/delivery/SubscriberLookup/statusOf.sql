-- The status of up to 16 readers, read right before their mail leaves (an unsubscribe or a bounce
-- since the claim must win). One statement for a sender's next 16 rows instead of one per mail:
-- after every commit of another connection SQLite reads a connection's pages afresh, and that read,
-- once per mail, cost more CPU than building the mail. Unused places are bound to -1.
SELECT id, status FROM subscribers WHERE id IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
