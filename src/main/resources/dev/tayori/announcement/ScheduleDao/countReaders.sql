-- The confirmed readers of a segment now, with planDeliveries' own condition, so the count the
-- operator confirms is what the planner would plan. <segment> is one of SegmentQuery's fixed conditions.
SELECT COUNT(*) FROM subscribers s WHERE s.status = 'confirmed' AND <segment>
