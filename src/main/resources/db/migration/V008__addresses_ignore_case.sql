-- Addresses become unique whatever their case (Jiro@Example.JP and jiro@example.jp are one reader,
-- as every mailbox provider treats them): email_key turns from "local part as typed, domain in
-- lower case" into the whole address in lower case. email keeps the reader's own spelling.
--
-- Two rows that were distinct under the old key and are one under the new are NOT merged: which one
-- holds the consent, the enrollment and the history is the operator's call, not a migration's. Both
-- stay; the pair is written down here, and tayori reports it (`tayori subscribers duplicates`, and a
-- WARN line when `serve` or `send-due` starts).
CREATE TABLE address_duplicates (
    subscriber_id BIGINT NOT NULL REFERENCES subscribers (id),
    duplicate_id  BIGINT NOT NULL REFERENCES subscribers (id),
    PRIMARY KEY (subscriber_id, duplicate_id)
);

INSERT INTO address_duplicates (subscriber_id, duplicate_id)
SELECT a.id, b.id FROM subscribers a JOIN subscribers b
    ON lower(a.email_key) = lower(b.email_key) AND a.id < b.id;

-- Each address gets the lower-case key, except in a colliding group, where only one row can have it
-- (email_key is UNIQUE): the row that already has it, or else the oldest. That is the row a new
-- sign-up or a lookup by address finds; the others keep their old keys, so nothing fails and
-- nothing is lost. Whether the other rows of a group were already updated does not change the
-- answer for a row, so the order SQLite visits them in does not matter.
UPDATE subscribers SET email_key = lower(email_key)
WHERE email_key <> lower(email_key)
  AND NOT EXISTS (SELECT 1 FROM subscribers other
                  WHERE other.id <> subscribers.id
                    AND lower(other.email_key) = lower(subscribers.email_key)
                    AND (other.email_key = lower(other.email_key) OR other.id < subscribers.id));
