SELECT status, COUNT(*) AS n FROM subscribers GROUP BY status
