-- CreateEnum
CREATE TYPE "RplStaffRole" AS ENUM ('ADMIN_OFFICER', 'ACADEMIC_ASSESSOR', 'PRACTITIONER_ASSESSOR', 'COMMITTEE', 'VALIDATOR', 'UNIVERSITY_ADMIN');

-- CreateEnum
CREATE TYPE "RplDecisionKind" AS ENUM ('ORIGINAL', 'APPEAL');

-- CreateEnum
CREATE TYPE "RplDecreeScope" AS ENUM ('CASE', 'INTAKE');

-- CreateEnum
CREATE TYPE "RplDecreeAuthority" AS ENUM ('RECTOR', 'DEAN');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RplApplicationStatus" ADD VALUE 'IN_ASSESSMENT';
ALTER TYPE "RplApplicationStatus" ADD VALUE 'AWAITING_COMMITTEE';
ALTER TYPE "RplApplicationStatus" ADD VALUE 'AWAITING_VALIDATION';
ALTER TYPE "RplApplicationStatus" ADD VALUE 'APPROVED';
ALTER TYPE "RplApplicationStatus" ADD VALUE 'DECIDED';
ALTER TYPE "RplApplicationStatus" ADD VALUE 'APPEALED';

-- AlterTable
ALTER TABLE "equivalence_rule_versions" ADD COLUMN     "precedent_application_id" UUID;

-- AlterTable
ALTER TABLE "rpl_applications" ADD COLUMN     "decided_at" TIMESTAMPTZ(3),
ADD COLUMN     "decree_id" UUID,
ADD COLUMN     "missing_items" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "recognised_sks" INTEGER,
ADD COLUMN     "recognition_credential_id" UUID;

-- CreateTable
CREATE TABLE "rpl_staff_members" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "university_id" UUID NOT NULL,
    "role" "RplStaffRole" NOT NULL,
    "programme_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "affiliation" TEXT,
    "employee_number" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rpl_staff_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rpl_case_participants" (
    "application_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "RplStaffRole" NOT NULL,
    "assigned_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rpl_case_participants_pkey" PRIMARY KEY ("application_id","role","user_id")
);

-- CreateTable
CREATE TABLE "rpl_assessments" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "assessor_id" UUID NOT NULL,
    "role" "RplStaffRole" NOT NULL,
    "courses" JSONB NOT NULL DEFAULT '[]',
    "submitted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rpl_assessments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rpl_committee_decisions" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "kind" "RplDecisionKind" NOT NULL DEFAULT 'ORIGINAL',
    "decided_by_id" UUID NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,
    "total_sks" INTEGER NOT NULL,
    "notes" TEXT,
    "validated_by_id" UUID,
    "validated_at" TIMESTAMPTZ(3),
    "returned_at" TIMESTAMPTZ(3),
    "return_reason" TEXT,

    CONSTRAINT "rpl_committee_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rpl_course_decisions" (
    "decision_id" UUID NOT NULL,
    "course_id" UUID NOT NULL,
    "proposed_sks" INTEGER NOT NULL,
    "sks" INTEGER NOT NULL,
    "reason" TEXT,

    CONSTRAINT "rpl_course_decisions_pkey" PRIMARY KEY ("decision_id","course_id")
);

-- CreateTable
CREATE TABLE "rpl_appeals" (
    "application_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "appealed_at" TIMESTAMPTZ(3) NOT NULL,
    "decision_id" UUID,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "rpl_appeals_pkey" PRIMARY KEY ("application_id")
);

-- CreateTable
CREATE TABLE "rpl_decrees" (
    "id" UUID NOT NULL,
    "university_id" UUID NOT NULL,
    "programme_id" UUID NOT NULL,
    "intake_id" UUID NOT NULL,
    "scope" "RplDecreeScope" NOT NULL,
    "number" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "decreed_on" DATE NOT NULL,
    "content" JSONB NOT NULL,
    "amends_id" UUID,
    "issued_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rpl_decrees_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rpl_decree_sequences" (
    "university_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "rpl_decree_sequences_pkey" PRIMARY KEY ("university_id","year")
);

-- CreateTable
CREATE TABLE "rpl_university_settings" (
    "university_id" UUID NOT NULL,
    "decree_number_pattern" TEXT NOT NULL DEFAULT '{seq:3}/RPL/{roman-month}/{year}',
    "decree_scope" "RplDecreeScope" NOT NULL DEFAULT 'CASE',
    "authority" "RplDecreeAuthority" NOT NULL DEFAULT 'RECTOR',
    "faculty_id" TEXT,
    "faculty_en" TEXT,
    "letterhead" JSONB NOT NULL DEFAULT '{}',
    "logo_storage_key" TEXT,
    "logo_mime_type" TEXT,
    "signatories" JSONB NOT NULL DEFAULT '[]',
    "place" TEXT NOT NULL DEFAULT '',
    "appeal_days" INTEGER NOT NULL DEFAULT 14,
    "deadline_targets" JSONB NOT NULL DEFAULT '{}',
    "working_days" BOOLEAN NOT NULL DEFAULT false,
    "holidays" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "auto_assign" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rpl_university_settings_pkey" PRIMARY KEY ("university_id")
);

-- CreateTable
CREATE TABLE "rpl_reminders" (
    "application_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rpl_reminders_pkey" PRIMARY KEY ("application_id","key")
);

-- CreateIndex
CREATE INDEX "rpl_staff_members_university_id_role_idx" ON "rpl_staff_members"("university_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "rpl_staff_members_user_id_role_key" ON "rpl_staff_members"("user_id", "role");

-- CreateIndex
CREATE INDEX "rpl_case_participants_user_id_role_idx" ON "rpl_case_participants"("user_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "rpl_assessments_application_id_role_key" ON "rpl_assessments"("application_id", "role");

-- CreateIndex
CREATE INDEX "rpl_committee_decisions_application_id_decided_at_idx" ON "rpl_committee_decisions"("application_id", "decided_at");

-- CreateIndex
CREATE UNIQUE INDEX "rpl_appeals_decision_id_key" ON "rpl_appeals"("decision_id");

-- CreateIndex
CREATE UNIQUE INDEX "rpl_decrees_university_id_year_sequence_key" ON "rpl_decrees"("university_id", "year", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "rpl_decrees_university_id_number_key" ON "rpl_decrees"("university_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "rpl_applications_recognition_credential_id_key" ON "rpl_applications"("recognition_credential_id");

-- AddForeignKey
ALTER TABLE "equivalence_rule_versions" ADD CONSTRAINT "equivalence_rule_versions_precedent_application_id_fkey" FOREIGN KEY ("precedent_application_id") REFERENCES "rpl_applications"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_applications" ADD CONSTRAINT "rpl_applications_decree_id_fkey" FOREIGN KEY ("decree_id") REFERENCES "rpl_decrees"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_applications" ADD CONSTRAINT "rpl_applications_recognition_credential_id_fkey" FOREIGN KEY ("recognition_credential_id") REFERENCES "credentials"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_staff_members" ADD CONSTRAINT "rpl_staff_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_staff_members" ADD CONSTRAINT "rpl_staff_members_university_id_fkey" FOREIGN KEY ("university_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_case_participants" ADD CONSTRAINT "rpl_case_participants_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "rpl_applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_case_participants" ADD CONSTRAINT "rpl_case_participants_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_assessments" ADD CONSTRAINT "rpl_assessments_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "rpl_applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_assessments" ADD CONSTRAINT "rpl_assessments_assessor_id_fkey" FOREIGN KEY ("assessor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_committee_decisions" ADD CONSTRAINT "rpl_committee_decisions_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "rpl_applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_committee_decisions" ADD CONSTRAINT "rpl_committee_decisions_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_committee_decisions" ADD CONSTRAINT "rpl_committee_decisions_validated_by_id_fkey" FOREIGN KEY ("validated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_course_decisions" ADD CONSTRAINT "rpl_course_decisions_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "rpl_committee_decisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_course_decisions" ADD CONSTRAINT "rpl_course_decisions_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_appeals" ADD CONSTRAINT "rpl_appeals_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "rpl_applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_decrees" ADD CONSTRAINT "rpl_decrees_university_id_fkey" FOREIGN KEY ("university_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_decrees" ADD CONSTRAINT "rpl_decrees_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "study_programmes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_decrees" ADD CONSTRAINT "rpl_decrees_intake_id_fkey" FOREIGN KEY ("intake_id") REFERENCES "rpl_intakes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_decrees" ADD CONSTRAINT "rpl_decrees_amends_id_fkey" FOREIGN KEY ("amends_id") REFERENCES "rpl_decrees"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_decrees" ADD CONSTRAINT "rpl_decrees_issued_by_id_fkey" FOREIGN KEY ("issued_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_university_settings" ADD CONSTRAINT "rpl_university_settings_university_id_fkey" FOREIGN KEY ("university_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_reminders" ADD CONSTRAINT "rpl_reminders_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "rpl_applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: what must never happen, enforced by the database.
-- (New values of "RplApplicationStatus" cannot be used in the transaction that adds them, so the
-- checks on the case's status compare its text.)
ALTER TABLE "rpl_applications" ADD CONSTRAINT "rpl_applications_decided_whole" CHECK (
  ("status"::text IN ('DECIDED', 'APPEALED')) = ("decided_at" IS NOT NULL) AND
  ("decided_at" IS NULL) = ("recognised_sks" IS NULL) AND
  ("decided_at" IS NULL OR "decree_id" IS NOT NULL) AND
  ("recognised_sks" IS NULL OR "recognised_sks" >= 0));
-- One academic and one practitioner assessor per case, and never the same person in both seats.
ALTER TABLE "rpl_assessments" ADD CONSTRAINT "rpl_assessments_assessor_role" CHECK ("role" IN ('ACADEMIC_ASSESSOR', 'PRACTITIONER_ASSESSOR'));
CREATE UNIQUE INDEX "rpl_case_participants_one_per_seat" ON "rpl_case_participants"("application_id", "role") WHERE "role" IN ('ACADEMIC_ASSESSOR', 'PRACTITIONER_ASSESSOR');
CREATE UNIQUE INDEX "rpl_case_participants_two_assessors" ON "rpl_case_participants"("application_id", "user_id") WHERE "role" IN ('ACADEMIC_ASSESSOR', 'PRACTITIONER_ASSESSOR');
-- A decision is validated or returned, never both, by someone other than who decided it.
ALTER TABLE "rpl_committee_decisions" ADD CONSTRAINT "rpl_committee_decisions_outcome" CHECK (
  ("validated_at" IS NULL) = ("validated_by_id" IS NULL) AND
  ("validated_at" IS NULL OR "returned_at" IS NULL) AND
  ("returned_at" IS NULL) = ("return_reason" IS NULL) AND
  "total_sks" >= 0);
ALTER TABLE "rpl_committee_decisions" ADD CONSTRAINT "rpl_committee_decisions_four_eyes" CHECK ("validated_by_id" IS NULL OR "validated_by_id" <> "decided_by_id");
CREATE INDEX "rpl_committee_decisions_application_id_idx" ON "rpl_committee_decisions"("application_id") WHERE "validated_at" IS NULL AND "returned_at" IS NULL;
ALTER TABLE "rpl_course_decisions" ADD CONSTRAINT "rpl_course_decisions_sks" CHECK (
  "sks" >= 0 AND "proposed_sks" >= 0 AND ("sks" = "proposed_sks" OR btrim(coalesce("reason", '')) <> ''));
ALTER TABLE "rpl_appeals" ADD CONSTRAINT "rpl_appeals_decided_whole" CHECK (("decision_id" IS NULL) = ("decided_at" IS NULL) AND btrim("reason") <> '');
ALTER TABLE "rpl_decrees" ADD CONSTRAINT "rpl_decrees_sequence_positive" CHECK ("sequence" >= 1);
ALTER TABLE "rpl_decree_sequences" ADD CONSTRAINT "rpl_decree_sequences_last_positive" CHECK ("last" >= 1);
ALTER TABLE "rpl_university_settings" ADD CONSTRAINT "rpl_university_settings_appeal_days" CHECK ("appeal_days" BETWEEN 0 AND 365);

-- Decisions and decrees are records: a decided course, a decree, never change. A committee
-- decision changes once, when the validator validates or returns it.
CREATE FUNCTION kmg_rpl_record_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are final', TG_TABLE_NAME USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER rpl_course_decisions_final BEFORE UPDATE OR DELETE ON "rpl_course_decisions"
  FOR EACH ROW EXECUTE FUNCTION kmg_rpl_record_is_final();
CREATE TRIGGER rpl_decrees_final BEFORE UPDATE OR DELETE ON "rpl_decrees"
  FOR EACH ROW EXECUTE FUNCTION kmg_rpl_record_is_final();
CREATE FUNCTION kmg_rpl_decision_outcome_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.validated_at IS NOT NULL OR OLD.returned_at IS NOT NULL
     OR (NEW.application_id, NEW.kind, NEW.decided_by_id, NEW.decided_at, NEW.total_sks, NEW.notes)
        IS DISTINCT FROM (OLD.application_id, OLD.kind, OLD.decided_by_id, OLD.decided_at, OLD.total_sks, OLD.notes) THEN
    RAISE EXCEPTION 'an RPL committee decision is final' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER rpl_committee_decisions_final BEFORE UPDATE OR DELETE ON "rpl_committee_decisions"
  FOR EACH ROW EXECUTE FUNCTION kmg_rpl_decision_outcome_once();
