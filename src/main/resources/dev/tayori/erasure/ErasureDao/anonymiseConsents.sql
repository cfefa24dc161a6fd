-- The events stay (what happened when, under which form version: accountability); where they came
-- from goes: the origin is an IP address or a file line, the source may carry an IP ("api 1.2.3.4").
UPDATE consent_records SET source = 'erased', origin = 'erased', user_agent = NULL WHERE subscriber_id = :id
