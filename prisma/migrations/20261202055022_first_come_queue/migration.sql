-- AlterTable
ALTER TABLE "applications" ADD COLUMN     "queue_number" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "applications_call_id_queue_number_key" ON "applications"("call_id", "queue_number");

-- Applications already in the queue of a first-come call keep their order: seat holders first,
-- then the waitlist as it stood.
UPDATE "applications" a SET "queue_number" = q.n
FROM (
  SELECT a2."id", row_number() OVER (
    PARTITION BY a2."call_id"
    ORDER BY (a2."status" = 'WAITLISTED'), COALESCE(a2."waitlisted_at", a2."accepted_at", a2."submitted_at"), a2."id"
  ) AS n
  FROM "applications" a2 JOIN "training_calls" c ON c."id" = a2."call_id"
  WHERE c."selection_mode" = 'FIRST_COME'
    AND a2."status" NOT IN ('SUBMITTED', 'NOT_ENDORSED', 'ENDORSEMENT_EXPIRED')
) q
WHERE a."id" = q."id";

-- A first-come call seats in arrival order: a seat never goes to an application while one that
-- reached the queue before it is still waiting. Calls with per-school or per-province caps may
-- pass over a teacher a cap blocks, so the rule is enforced where no cap applies.
CREATE FUNCTION kmg_first_come_in_arrival_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."application_id" IS NULL OR NEW."application_id" IS NOT DISTINCT FROM OLD."application_id" THEN
    RETURN NEW;
  END IF;
  IF EXISTS (
    SELECT 1
    FROM "applications" seated
    JOIN "training_calls" c ON c."id" = seated."call_id"
    JOIN "applications" waiting ON waiting."call_id" = seated."call_id"
    WHERE seated."id" = NEW."application_id"
      AND c."selection_mode" = 'FIRST_COME'
      AND c."max_per_school" IS NULL
      AND (c."seats_per_province" IS NULL OR c."seats_per_province" = '{}'::jsonb)
      AND waiting."status" = 'WAITLISTED'
      AND waiting."queue_number" < seated."queue_number"
  ) THEN
    RAISE EXCEPTION 'seat of call % given out of arrival order', NEW."call_id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "seats_first_come_in_arrival_order" BEFORE INSERT OR UPDATE OF "application_id" ON "seats"
  FOR EACH ROW EXECUTE FUNCTION kmg_first_come_in_arrival_order();
