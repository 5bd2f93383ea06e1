-- A first-come group's waitlist places counted once, not once per arrival. Each waitlisted arrival
-- counted the waiting rows ahead of it under the call's seat lock (0.2 ms each with 500 waiting,
-- the largest part of an arrival's time under the lock when a window opens). Within a group, under
-- the one lock, nothing else moves the waitlist, and a newcomer without a rank always goes last: so
-- when the group's previous arrival at the same call was counted that way, the next place is one
-- more. `kmg_arrive_first_come` takes that previous place (`place_before`, NULL to count); the batch
-- passes it. Everything else is as before.
DROP FUNCTION kmg_arrive_first_come(INT, JSONB);

CREATE FUNCTION kmg_arrive_first_come(seat_lock_class INT, arrival JSONB, place_before INT) RETURNS JSONB LANGUAGE plpgsql AS $$
DECLARE
  new_application JSONB := arrival->'application';
  arriving_call UUID := (new_application->>'call_id')::UUID;
  arriving_application UUID := (new_application->>'id')::UUID;
  queue_place INT;
  free_seat UUID;
  free_seat_number INT;
  outcome JSONB;
  waitlist_position INT;
  token TEXT := arrival->>'positionToken';
BEGIN
  PERFORM pg_advisory_xact_lock(seat_lock_class, hashtext(arriving_call::TEXT));

  -- Under the lock, numbers follow arrival; whoever waits arrived first, so a newcomer waits too.
  SELECT COALESCE(MAX(a."queue_number"), 0) + 1 INTO queue_place FROM "applications" a WHERE a."call_id" = arriving_call;
  IF NOT EXISTS (SELECT 1 FROM "applications" a WHERE a."call_id" = arriving_call AND a."status" = 'WAITLISTED') THEN
    -- As `claimSeat`: skip rows a transaction without the seat lock is claiming (seed or repair
    -- scripts); only when that finds nothing, wait for them, so a seat freed by a rollback is not missed.
    SELECT s."id", s."number" INTO free_seat, free_seat_number FROM "seats" s
      WHERE s."call_id" = arriving_call AND s."application_id" IS NULL
      ORDER BY s."number" LIMIT 1 FOR UPDATE SKIP LOCKED;
    IF free_seat IS NULL THEN
      SELECT s."id", s."number" INTO free_seat, free_seat_number FROM "seats" s
        WHERE s."call_id" = arriving_call AND s."application_id" IS NULL
        ORDER BY s."number" FOR UPDATE;
    END IF;
  END IF;
  outcome := arrival->(CASE WHEN free_seat IS NULL THEN 'waitlisted' ELSE 'seated' END);

  INSERT INTO "applications" (
    "id", "call_id", "teacher_id", "school_id", "motivation", "status", "submitted_at", "endorsed_at",
    "endorsed_by_id", "endorsement_note", "rank", "score", "outcome_reason", "queue_number",
    "waitlisted_at", "accepted_at", "confirm_by", "confirmed_at", "closed_at", "withdrawn_at",
    "created_at", "updated_at"
  )
  SELECT r."id", r."call_id", r."teacher_id", r."school_id", r."motivation", r."status", r."submitted_at",
    r."endorsed_at", r."endorsed_by_id", r."endorsement_note", r."rank", r."score", r."outcome_reason", queue_place,
    r."waitlisted_at", r."accepted_at", r."confirm_by", r."confirmed_at", r."closed_at", r."withdrawn_at",
    now(), now()
  FROM jsonb_populate_record(NULL::"applications", new_application || (outcome->'application')) r;

  IF free_seat IS NOT NULL THEN
    UPDATE "seats" SET "application_id" = arriving_application, "assigned_at" = (arrival->>'at')::TIMESTAMPTZ
      WHERE "id" = free_seat;
  ELSE
    -- As `waitlistPosition` orders the waitlist (rank, then queue number, both NULLS LAST, then
    -- waitlisted_at and id). The newcomer has no rank and the highest queue number, so exactly the
    -- waiting rows with a rank or a queue number are ahead of it: counted, not sorted.
    IF (outcome->'application'->>'rank') IS NULL AND (new_application->>'rank') IS NULL AND place_before IS NOT NULL THEN
      -- The group's previous arrival was counted so, under the same lock: one more is ahead now.
      waitlist_position := place_before + 1;
    ELSIF (outcome->'application'->>'rank') IS NULL AND (new_application->>'rank') IS NULL THEN
      SELECT count(*) + 1 INTO waitlist_position FROM "applications" a
        WHERE a."call_id" = arriving_call AND a."status" = 'WAITLISTED' AND a."id" <> arriving_application
          AND (a."rank" IS NOT NULL OR a."queue_number" IS NOT NULL);
    ELSE
      SELECT ranked.position INTO waitlist_position FROM (
        SELECT a."id", row_number() OVER (
          ORDER BY a."rank" ASC NULLS LAST, a."queue_number" ASC NULLS LAST, a."waitlisted_at" ASC, a."id" ASC
        ) AS position
        FROM "applications" a WHERE a."call_id" = arriving_call AND a."status" = 'WAITLISTED'
      ) ranked WHERE ranked."id" = arriving_application;
    END IF;
  END IF;

  -- In the order given: the submission, then the outcome.
  INSERT INTO "audit_events" (
    "actor_id", "action", "subject_type", "subject_id", "call_id", "application_id", "from_status",
    "to_status", "reason", "details"
  )
  SELECT r."actor_id", r."action", r."subject_type", r."subject_id", r."call_id", r."application_id",
    r."from_status", r."to_status", r."reason", r."details"
  FROM jsonb_array_elements((arrival->'events') || (outcome->'events')) WITH ORDINALITY e(event, n),
    jsonb_populate_record(NULL::"audit_events", e.event) r
  ORDER BY e.n;

  INSERT INTO "notifications" (
    "id", "user_id", "kind", "params", "subject_type", "subject_id", "application_id", "call_id"
  )
  SELECT r."id", r."user_id", r."kind",
    CASE WHEN waitlist_position IS NULL THEN r."params"
      ELSE replace(r."params"::TEXT, to_jsonb(token)::TEXT, waitlist_position::TEXT)::JSONB END,
    r."subject_type", r."subject_id", r."application_id", r."call_id"
  FROM jsonb_populate_recordset(NULL::"notifications", outcome->'notifications') r;

  INSERT INTO "email_messages" ("id", "to_address", "subject", "text")
  SELECT r."id", r."to_address",
    CASE WHEN waitlist_position IS NULL THEN r."subject" ELSE replace(r."subject", token, waitlist_position::TEXT) END,
    CASE WHEN waitlist_position IS NULL THEN r."text" ELSE replace(r."text", token, waitlist_position::TEXT) END
  FROM jsonb_populate_recordset(NULL::"email_messages", outcome->'emails') r;

  RETURN jsonb_build_object(
    'status', outcome->'application'->>'status',
    'queueNumber', queue_place,
    'seatNumber', free_seat_number,
    'waitlistPosition', waitlist_position
  );
END;
$$;

CREATE OR REPLACE FUNCTION kmg_arrive_first_come_batch(seat_lock_class INT, arrivals JSONB) RETURNS JSONB LANGUAGE plpgsql AS $$
DECLARE
  arrival JSONB;
  outcome JSONB;
  outcomes JSONB := '[]'::JSONB;
  arriving_call UUID;
  -- The waitlist place counted for the group's previous arrival, and its call; NULL: count.
  counted_call UUID;
  counted_place INT;
BEGIN
  FOR arrival IN SELECT e.value FROM jsonb_array_elements(arrivals) WITH ORDINALITY e(value, n) ORDER BY e.n LOOP
    arriving_call := (arrival->'application'->>'call_id')::UUID;
    -- The seat lock first (re-taking it for the next arrival of the same call costs nothing), so
    -- the check below sees every application settled before this one.
    PERFORM pg_advisory_xact_lock(seat_lock_class, hashtext(arriving_call::TEXT));
    IF EXISTS (
      SELECT 1 FROM "applications" a
      WHERE a."call_id" = arriving_call
        AND a."teacher_id" = (arrival->'application'->>'teacher_id')::UUID
    ) THEN
      outcomes := outcomes || jsonb_build_array(jsonb_build_object('alreadyApplied', TRUE));
    ELSE
      outcome := kmg_arrive_first_come(
        seat_lock_class, arrival, CASE WHEN counted_call = arriving_call THEN counted_place END);
      -- Only a place counted as "everyone waiting with a rank or a queue number, plus one" carries
      -- over (the newcomer had no rank); a seat, or a place ranked otherwise, counts afresh.
      IF (outcome->>'waitlistPosition') IS NOT NULL
        AND (arrival->'application'->>'rank') IS NULL
        AND (arrival->'waitlisted'->'application'->>'rank') IS NULL THEN
        counted_call := arriving_call;
        counted_place := (outcome->>'waitlistPosition')::INT;
      ELSE
        counted_call := NULL;
        counted_place := NULL;
      END IF;
      outcomes := outcomes || jsonb_build_array(outcome);
    END IF;
  END LOOP;
  RETURN outcomes;
END;
$$;
