-- The arrivals an API process received while its previous statement for the call was in flight,
-- settled together in arrival order: one seat lock, one commit, one WAL flush for the group instead
-- of one each. When a window opens, the flush of every commit under the lock was 44% of the time the
-- lock was held; grouping shares it. Each arrival is settled exactly as `kmg_arrive_first_come`
-- settles it alone, in the order given, so queue numbers, seats and waitlist places follow arrival.
--
-- A teacher who already has an application to the call (a second tap that reached another batch, or
-- another API process) gets `{"alreadyApplied": true}` and nothing is written for it; the rest of the
-- group goes on. Any other failure rolls the whole group back, and the API settles its arrivals again
-- one at a time, so each gets its own answer.
CREATE FUNCTION kmg_arrive_first_come_batch(seat_lock_class INT, arrivals JSONB) RETURNS JSONB LANGUAGE plpgsql AS $$
DECLARE
  arrival JSONB;
  outcomes JSONB := '[]'::JSONB;
BEGIN
  FOR arrival IN SELECT e.value FROM jsonb_array_elements(arrivals) WITH ORDINALITY e(value, n) ORDER BY e.n LOOP
    -- The seat lock first (re-taking it for the next arrival of the same call costs nothing), so
    -- the check below sees every application settled before this one.
    PERFORM pg_advisory_xact_lock(seat_lock_class, hashtext((arrival->'application'->>'call_id')::UUID::TEXT));
    IF EXISTS (
      SELECT 1 FROM "applications" a
      WHERE a."call_id" = (arrival->'application'->>'call_id')::UUID
        AND a."teacher_id" = (arrival->'application'->>'teacher_id')::UUID
    ) THEN
      outcomes := outcomes || jsonb_build_array(jsonb_build_object('alreadyApplied', TRUE));
    ELSE
      outcomes := outcomes || jsonb_build_array(kmg_arrive_first_come(seat_lock_class, arrival));
    END IF;
  END LOOP;
  RETURN outcomes;
END;
$$;
