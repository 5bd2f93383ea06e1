-- CreateEnum
CREATE TYPE "AssessmentKind" AS ENUM ('TRAINING', 'COMPETENCY');

-- CreateEnum
CREATE TYPE "UnitDecision" AS ENUM ('KOMPETEN', 'BELUM_KOMPETEN');

-- CreateEnum
CREATE TYPE "ResultsStatus" AS ENUM ('RECORDING', 'SUBMITTED', 'APPROVED');

-- CreateEnum
CREATE TYPE "AchievementType" AS ENUM ('CertificateOfCompletion', 'MicroCredential', 'Certification');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('LINK', 'FILE');

-- CreateEnum
CREATE TYPE "IssuanceStatus" AS ENUM ('QUEUED', 'ISSUED', 'FAILED');

-- CreateEnum
CREATE TYPE "AmendmentStatus" AS ENUM ('PROPOSED', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "training_calls" ADD COLUMN     "assessment_kind" "AssessmentKind" NOT NULL DEFAULT 'TRAINING',
ADD COLUMN     "min_attendance_percent" INTEGER NOT NULL DEFAULT 80,
ADD COLUMN     "results_approved_at" TIMESTAMPTZ(3),
ADD COLUMN     "results_status" "ResultsStatus" NOT NULL DEFAULT 'RECORDING',
ADD COLUMN     "results_submitted_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "training_days" (
    "id" UUID NOT NULL,
    "call_id" UUID NOT NULL,
    "date" DATE NOT NULL,

    CONSTRAINT "training_days_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendance" (
    "application_id" UUID NOT NULL,
    "day_id" UUID NOT NULL,
    "present" BOOLEAN NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attendance_pkey" PRIMARY KEY ("application_id","day_id")
);

-- CreateTable
CREATE TABLE "unit_assessments" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "decision" "UnitDecision" NOT NULL,
    "notes" TEXT,
    "assessor_id" UUID NOT NULL,
    "assessed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_assessments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" UUID NOT NULL,
    "assessment_id" UUID NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT,
    "storage_key" TEXT,
    "mime_type" TEXT,
    "size" INTEGER,
    "uploaded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "achievements" (
    "id" UUID NOT NULL,
    "call_id" UUID NOT NULL,
    "achievement_type" "AchievementType" NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "description_id" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "criteria_id" TEXT NOT NULL,
    "criteria_en" TEXT NOT NULL,
    "kkni_level" INTEGER,
    "sks_hundredths" INTEGER,
    "validity_months" INTEGER,
    "image_url" TEXT,
    "assessment_method" TEXT NOT NULL,
    "quality_assurance" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "achievements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issuer_keys" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "key_id" TEXT NOT NULL,
    "public_key_multibase" TEXT NOT NULL,
    "encrypted_secret" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "issuer_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_lists" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "encoded_list" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "status_lists_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credentials" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "achievement_id" UUID NOT NULL,
    "teacher_id" UUID NOT NULL,
    "issuer_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "document" JSONB NOT NULL,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_until" TIMESTAMPTZ(3),
    "revocation_list_id" UUID NOT NULL,
    "suspension_list_id" UUID NOT NULL,
    "status_index" INTEGER NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "revocation_reason" TEXT,
    "suspended_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credentials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credential_issuances" (
    "application_id" UUID NOT NULL,
    "call_id" UUID NOT NULL,
    "status" "IssuanceStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "credential_issuances_pkey" PRIMARY KEY ("application_id")
);

-- CreateTable
CREATE TABLE "result_amendments" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "change" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "AmendmentStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposed_by_id" UUID NOT NULL,
    "decided_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "result_amendments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "training_days_call_id_date_key" ON "training_days"("call_id", "date");

-- CreateIndex
CREATE UNIQUE INDEX "unit_assessments_application_id_unit_id_key" ON "unit_assessments"("application_id", "unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "achievements_call_id_key" ON "achievements"("call_id");

-- CreateIndex
CREATE UNIQUE INDEX "issuer_keys_organization_id_key_id_key" ON "issuer_keys"("organization_id", "key_id");

-- CreateIndex
CREATE INDEX "credentials_teacher_id_idx" ON "credentials"("teacher_id");

-- CreateIndex
CREATE UNIQUE INDEX "credentials_application_id_revision_key" ON "credentials"("application_id", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "credentials_revocation_list_id_status_index_key" ON "credentials"("revocation_list_id", "status_index");

-- CreateIndex
CREATE INDEX "credential_issuances_call_id_status_idx" ON "credential_issuances"("call_id", "status");

-- AddForeignKey
ALTER TABLE "training_days" ADD CONSTRAINT "training_days_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "training_calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_day_id_fkey" FOREIGN KEY ("day_id") REFERENCES "training_days"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_assessments" ADD CONSTRAINT "unit_assessments_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_assessments" ADD CONSTRAINT "unit_assessments_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "competency_units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "unit_assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "training_calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuer_keys" ADD CONSTRAINT "issuer_keys_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_lists" ADD CONSTRAINT "status_lists_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_achievement_id_fkey" FOREIGN KEY ("achievement_id") REFERENCES "achievements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credential_issuances" ADD CONSTRAINT "credential_issuances_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result_amendments" ADD CONSTRAINT "result_amendments_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "training_calls" ADD CONSTRAINT "training_calls_min_attendance_range" CHECK ("min_attendance_percent" BETWEEN 0 AND 100);
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_kkni_level_range" CHECK ("kkni_level" IS NULL OR "kkni_level" BETWEEN 1 AND 9);
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_status_index_positive" CHECK ("status_index" >= 0);

-- An issued credential is what was signed: its document never changes (corrections are new
-- credentials, the old one revoked with a reason).
CREATE FUNCTION kmg_credential_document_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."document" IS DISTINCT FROM OLD."document" OR NEW."id" IS DISTINCT FROM OLD."id" THEN
    RAISE EXCEPTION 'an issued credential cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "credentials_document_is_final" BEFORE UPDATE ON "credentials"
  FOR EACH ROW EXECUTE FUNCTION kmg_credential_document_is_final();
