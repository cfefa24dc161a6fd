-- The operator can give a returning reader the workbook again. Each time is a new round, and the
-- round is part of each lesson's delivery key, so a lesson is still never sent twice within a round
-- and the earlier round's records stay as they were.
ALTER TABLE enrollments ADD COLUMN round INTEGER NOT NULL DEFAULT 1;
