-- 1 when the newest migration is applied and none failed: then there is nothing for Flyway to do.
SELECT CASE WHEN EXISTS (SELECT 1 FROM flyway_schema_history WHERE version = ? AND success)
             AND NOT EXISTS (SELECT 1 FROM flyway_schema_history WHERE NOT success)
            THEN 1 ELSE 0 END
