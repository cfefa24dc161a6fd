-- The handled-once log's outcome words name the address ("bounced a@b.jp: ..."); LIKE with an escaped
-- pattern is portable where instr/strpos are not.
UPDATE inbound_messages SET outcome = 'erased' WHERE lower(outcome) LIKE :pattern ESCAPE '\'
