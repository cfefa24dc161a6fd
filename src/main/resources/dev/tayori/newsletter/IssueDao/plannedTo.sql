-- Written in the same transaction as the batch of deliveries it covers.
UPDATE issues SET planned_to_id = :upTo, planning_done = :done WHERE id = :id
