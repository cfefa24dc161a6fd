-- How many finished readers were given the step when it was added, kept with the choice.
UPDATE added_steps SET reopened = :reopened WHERE sequence_id = :sequenceId AND step = :step
