-- CreateEnum
CREATE TYPE "SchoolStatus" AS ENUM ('NEGERI', 'SWASTA');

-- CreateEnum
CREATE TYPE "SelectionMode" AS ENUM ('REVIEWED', 'FIRST_COME');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ApplicationStatus" ADD VALUE 'ENDORSED';
ALTER TYPE "ApplicationStatus" ADD VALUE 'NOT_ENDORSED';
ALTER TYPE "ApplicationStatus" ADD VALUE 'ENDORSEMENT_EXPIRED';
ALTER TYPE "ApplicationStatus" ADD VALUE 'ACCEPTED';
ALTER TYPE "ApplicationStatus" ADD VALUE 'CONFIRMED';
ALTER TYPE "ApplicationStatus" ADD VALUE 'WAITLISTED';
ALTER TYPE "ApplicationStatus" ADD VALUE 'REJECTED';
ALTER TYPE "ApplicationStatus" ADD VALUE 'DECLINED';
ALTER TYPE "ApplicationStatus" ADD VALUE 'LAPSED';
ALTER TYPE "ApplicationStatus" ADD VALUE 'CANCELLED';

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'SELECTION_REVIEWER';

-- AlterTable
ALTER TABLE "applications" ADD COLUMN     "accepted_at" TIMESTAMPTZ(3),
ADD COLUMN     "closed_at" TIMESTAMPTZ(3),
ADD COLUMN     "confirm_by" TIMESTAMPTZ(3),
ADD COLUMN     "confirmed_at" TIMESTAMPTZ(3),
ADD COLUMN     "endorsed_at" TIMESTAMPTZ(3),
ADD COLUMN     "endorsed_by_id" UUID,
ADD COLUMN     "endorsement_note" TEXT,
ADD COLUMN     "outcome_reason" TEXT,
ADD COLUMN     "rank" INTEGER,
ADD COLUMN     "school_id" UUID,
ADD COLUMN     "score" INTEGER,
ADD COLUMN     "waitlisted_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "centre_of_excellence" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "school_status" "SchoolStatus";

-- AlterTable
ALTER TABLE "programmes" ADD COLUMN     "max_seats_per_teacher" INTEGER DEFAULT 1;

-- AlterTable
ALTER TABLE "training_calls" ADD COLUMN     "confirmation_days" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "eligibility_rules" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "endorsement_deadline" TIMESTAMPTZ(3),
ADD COLUMN     "max_per_school" INTEGER,
ADD COLUMN     "min_score" INTEGER,
ADD COLUMN     "requires_endorsement" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "rubric" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "seats_per_province" JSONB,
ADD COLUMN     "selection_committed_at" TIMESTAMPTZ(3),
ADD COLUMN     "selection_mode" "SelectionMode" NOT NULL DEFAULT 'REVIEWED';

-- CreateTable
CREATE TABLE "seats" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "call_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "application_id" UUID,
    "assigned_at" TIMESTAMPTZ(3),

    CONSTRAINT "seats_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_reviewers" (
    "call_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_reviewers_pkey" PRIMARY KEY ("call_id","user_id")
);

-- CreateTable
CREATE TABLE "reviews" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "scores" JSONB NOT NULL,
    "total" INTEGER NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "call_id" UUID,
    "application_id" UUID,
    "from_status" TEXT,
    "to_status" TEXT,
    "reason" TEXT,
    "details" JSONB,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "application_id" UUID,
    "call_id" UUID,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_messages" (
    "id" UUID NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "email_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "seats_application_id_key" ON "seats"("application_id");

-- CreateIndex
CREATE INDEX "seats_call_id_application_id_idx" ON "seats"("call_id", "application_id");

-- CreateIndex
CREATE UNIQUE INDEX "seats_call_id_number_key" ON "seats"("call_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "reviews_application_id_reviewer_id_key" ON "reviews"("application_id", "reviewer_id");

-- CreateIndex
CREATE INDEX "audit_events_application_id_id_idx" ON "audit_events"("application_id", "id");

-- CreateIndex
CREATE INDEX "audit_events_call_id_id_idx" ON "audit_events"("call_id", "id");

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "email_messages_status_created_at_idx" ON "email_messages"("status", "created_at");

-- CreateIndex
CREATE INDEX "applications_school_id_status_idx" ON "applications"("school_id", "status");

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "seats" ADD CONSTRAINT "seats_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "training_calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "seats" ADD CONSTRAINT "seats_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_reviewers" ADD CONSTRAINT "call_reviewers_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "training_calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_reviewers" ADD CONSTRAINT "call_reviewers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A call never has more seat rows than seats, and a seat is only ever held by an application to
-- its own call: together with the unique application_id, the database cannot overbook a call or
-- seat a teacher twice, whatever the code does.
ALTER TABLE "seats" ADD CONSTRAINT "seats_number_positive" CHECK ("number" >= 1);

CREATE FUNCTION kmg_seat_belongs_to_call() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."number" > (SELECT "seats" FROM "training_calls" WHERE "id" = NEW."call_id") THEN
    RAISE EXCEPTION 'seat % is beyond the seats of call %', NEW."number", NEW."call_id" USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."application_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "applications" WHERE "id" = NEW."application_id" AND "call_id" = NEW."call_id"
  ) THEN
    RAISE EXCEPTION 'application % does not belong to call %', NEW."application_id", NEW."call_id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "seats_belong_to_call" BEFORE INSERT OR UPDATE ON "seats"
  FOR EACH ROW EXECUTE FUNCTION kmg_seat_belongs_to_call();

CREATE FUNCTION kmg_call_seats_cover_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "seats" WHERE "call_id" = NEW."id" AND "number" > NEW."seats") THEN
    RAISE EXCEPTION 'call % still has seats numbered above %', NEW."id", NEW."seats" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "training_calls_seats_cover_rows" BEFORE UPDATE OF "seats" ON "training_calls"
  FOR EACH ROW EXECUTE FUNCTION kmg_call_seats_cover_rows();

-- The audit trail is append-only: no update, delete or truncate, from any client.
CREATE FUNCTION kmg_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "audit_events_no_update" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION kmg_audit_is_append_only();
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION kmg_audit_is_append_only();

ALTER TABLE "reviews" ADD CONSTRAINT "reviews_total_in_range" CHECK ("total" BETWEEN 0 AND 10000);
ALTER TABLE "training_calls" ADD CONSTRAINT "training_calls_confirmation_days_positive" CHECK ("confirmation_days" >= 1);
