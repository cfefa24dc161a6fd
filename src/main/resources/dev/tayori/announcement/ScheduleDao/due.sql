-- Schedules whose time has come, and planned ones whose delivery planning a crash interrupted.
SELECT * FROM announcement_schedules
WHERE (state = 'scheduled' AND send_at <= :at) OR (state = 'planned' AND planning_done = FALSE)
ORDER BY send_at
