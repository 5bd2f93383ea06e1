-- CreateEnum
CREATE TYPE "DegreeLevel" AS ENUM ('D3', 'D4', 'S1', 'S2', 'S3');

-- CreateEnum
CREATE TYPE "Accreditation" AS ENUM ('UNGGUL', 'BAIK_SEKALI', 'BAIK', 'A', 'B', 'C');

-- CreateEnum
CREATE TYPE "StudyMode" AS ENUM ('ON_CAMPUS', 'ONLINE', 'HYBRID');

-- CreateEnum
CREATE TYPE "CourseKind" AS ENUM ('REGULAR', 'FINAL_PROJECT', 'INTERNSHIP');

-- CreateEnum
CREATE TYPE "ProfileLayer" AS ENUM ('NATIONAL', 'UNIVERSITY', 'PROGRAMME');

-- CreateEnum
CREATE TYPE "RuleStatus" AS ENUM ('DRAFT', 'APPROVED', 'RETIRED');

-- CreateEnum
CREATE TYPE "RplApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'EVIDENCE_REQUESTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "RplEvidenceKind" AS ENUM ('BNSP_CERTIFICATE', 'WORK_EXPERIENCE', 'EXTERNAL_BADGE', 'OTHER');

-- CreateEnum
CREATE TYPE "SelfEvaluationLevel" AS ENUM ('VERY_GOOD', 'GOOD', 'NEVER');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SubjectType" ADD VALUE 'RPL_APPLICATION';
ALTER TYPE "SubjectType" ADD VALUE 'EQUIVALENCE_RULE';
ALTER TYPE "SubjectType" ADD VALUE 'STUDY_PROGRAMME';

-- CreateTable
CREATE TABLE "study_programmes" (
    "id" UUID NOT NULL,
    "university_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "degree" "DegreeLevel" NOT NULL,
    "mode" "StudyMode" NOT NULL DEFAULT 'ON_CAMPUS',
    "accreditation" "Accreditation",
    "accreditation_expires_on" DATE,
    "total_sks" INTEGER NOT NULL,
    "semesters" INTEGER NOT NULL,
    "rpl_offered" BOOLEAN NOT NULL DEFAULT false,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "study_programmes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "curricula" (
    "id" UUID NOT NULL,
    "programme_id" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "effective_from" DATE NOT NULL,
    "source_file_name" TEXT,
    "imported_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "curricula_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "graduate_outcomes" (
    "id" UUID NOT NULL,
    "curriculum_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "text_id" TEXT,
    "text_en" TEXT,

    CONSTRAINT "graduate_outcomes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "courses" (
    "id" UUID NOT NULL,
    "curriculum_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "sks" INTEGER NOT NULL,
    "semester" INTEGER NOT NULL,
    "kind" "CourseKind" NOT NULL DEFAULT 'REGULAR',
    "position" INTEGER NOT NULL,

    CONSTRAINT "courses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "course_outcomes" (
    "id" UUID NOT NULL,
    "course_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "text_id" TEXT NOT NULL,
    "text_en" TEXT,
    "weight" DOUBLE PRECISION NOT NULL,
    "cpl_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "position" INTEGER NOT NULL,

    CONSTRAINT "course_outcomes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rpl_intakes" (
    "id" UUID NOT NULL,
    "programme_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "opens_at" TIMESTAMPTZ(3) NOT NULL,
    "closes_at" TIMESTAMPTZ(3) NOT NULL,
    "cutoff_date" DATE NOT NULL,
    "starts_on" DATE NOT NULL,
    "quota" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rpl_intakes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "regulation_profiles" (
    "id" UUID NOT NULL,
    "layer" "ProfileLayer" NOT NULL,
    "university_id" UUID,
    "programme_id" UUID,
    "version" INTEGER NOT NULL,
    "citation" TEXT NOT NULL,
    "effective_from" DATE NOT NULL,
    "effective_to" DATE,
    "limits" JSONB NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "regulation_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "equivalence_rules" (
    "id" UUID NOT NULL,
    "programme_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "equivalence_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "equivalence_rule_versions" (
    "id" UUID NOT NULL,
    "rule_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "RuleStatus" NOT NULL DEFAULT 'DRAFT',
    "course_id" UUID NOT NULL,
    "requirements" JSONB NOT NULL,
    "covered_outcomes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "coverage" JSONB NOT NULL,
    "sks" INTEGER NOT NULL,
    "rationale_id" TEXT NOT NULL,
    "rationale_en" TEXT,
    "effective_from" DATE NOT NULL,
    "effective_to" DATE,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "created_by_id" UUID,
    "approved_by_id" UUID,
    "approved_at" TIMESTAMPTZ(3),
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "equivalence_rule_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rpl_applications" (
    "id" UUID NOT NULL,
    "teacher_id" UUID NOT NULL,
    "intake_id" UUID NOT NULL,
    "programme_id" UUID NOT NULL,
    "status" "RplApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "proposal" JSONB,
    "proposed_sks" INTEGER,
    "submitted_at" TIMESTAMPTZ(3),
    "withdrawn_at" TIMESTAMPTZ(3),
    "evidence_request" TEXT,
    "evidence_requested_at" TIMESTAMPTZ(3),
    "evidence_requested_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rpl_applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rpl_application_credentials" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "credential_id" UUID,
    "external_credential_id" UUID,
    "verification" JSONB,
    "verified_at" TIMESTAMPTZ(3),
    "is_verified" BOOLEAN,

    CONSTRAINT "rpl_application_credentials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rpl_evidence" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "kind" "RplEvidenceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "issued_on" DATE,
    "file_name" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "verification" JSONB,
    "uploaded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rpl_evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rpl_self_evaluations" (
    "application_id" UUID NOT NULL,
    "outcome_id" UUID NOT NULL,
    "level" "SelfEvaluationLevel" NOT NULL,
    "credential_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "evidence_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "note" TEXT,

    CONSTRAINT "rpl_self_evaluations_pkey" PRIMARY KEY ("application_id","outcome_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "study_programmes_university_id_code_key" ON "study_programmes"("university_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "curricula_programme_id_version_key" ON "curricula"("programme_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "graduate_outcomes_curriculum_id_code_key" ON "graduate_outcomes"("curriculum_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "courses_curriculum_id_code_key" ON "courses"("curriculum_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "course_outcomes_course_id_code_key" ON "course_outcomes"("course_id", "code");

-- CreateIndex
CREATE INDEX "rpl_intakes_closes_at_idx" ON "rpl_intakes"("closes_at");

-- CreateIndex
CREATE UNIQUE INDEX "rpl_intakes_programme_id_code_key" ON "rpl_intakes"("programme_id", "code");

-- CreateIndex
CREATE INDEX "regulation_profiles_university_id_idx" ON "regulation_profiles"("university_id");

-- CreateIndex
CREATE INDEX "regulation_profiles_programme_id_idx" ON "regulation_profiles"("programme_id");

-- CreateIndex
CREATE UNIQUE INDEX "equivalence_rules_programme_id_code_key" ON "equivalence_rules"("programme_id", "code");

-- CreateIndex
CREATE INDEX "equivalence_rule_versions_course_id_idx" ON "equivalence_rule_versions"("course_id");

-- CreateIndex
CREATE INDEX "equivalence_rule_versions_status_idx" ON "equivalence_rule_versions"("status");

-- CreateIndex
CREATE UNIQUE INDEX "equivalence_rule_versions_rule_id_version_key" ON "equivalence_rule_versions"("rule_id", "version");

-- CreateIndex
CREATE INDEX "rpl_applications_teacher_id_idx" ON "rpl_applications"("teacher_id");

-- CreateIndex
CREATE INDEX "rpl_applications_intake_id_status_idx" ON "rpl_applications"("intake_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "rpl_application_credentials_application_id_credential_id_key" ON "rpl_application_credentials"("application_id", "credential_id");

-- CreateIndex
CREATE UNIQUE INDEX "rpl_application_credentials_application_id_external_credent_key" ON "rpl_application_credentials"("application_id", "external_credential_id");

-- CreateIndex
CREATE INDEX "rpl_evidence_application_id_idx" ON "rpl_evidence"("application_id");

-- AddForeignKey
ALTER TABLE "study_programmes" ADD CONSTRAINT "study_programmes_university_id_fkey" FOREIGN KEY ("university_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "curricula" ADD CONSTRAINT "curricula_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "study_programmes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "curricula" ADD CONSTRAINT "curricula_imported_by_id_fkey" FOREIGN KEY ("imported_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "graduate_outcomes" ADD CONSTRAINT "graduate_outcomes_curriculum_id_fkey" FOREIGN KEY ("curriculum_id") REFERENCES "curricula"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "courses" ADD CONSTRAINT "courses_curriculum_id_fkey" FOREIGN KEY ("curriculum_id") REFERENCES "curricula"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_outcomes" ADD CONSTRAINT "course_outcomes_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_intakes" ADD CONSTRAINT "rpl_intakes_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "study_programmes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regulation_profiles" ADD CONSTRAINT "regulation_profiles_university_id_fkey" FOREIGN KEY ("university_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regulation_profiles" ADD CONSTRAINT "regulation_profiles_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "study_programmes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regulation_profiles" ADD CONSTRAINT "regulation_profiles_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "equivalence_rules" ADD CONSTRAINT "equivalence_rules_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "study_programmes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "equivalence_rule_versions" ADD CONSTRAINT "equivalence_rule_versions_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "equivalence_rules"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "equivalence_rule_versions" ADD CONSTRAINT "equivalence_rule_versions_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "equivalence_rule_versions" ADD CONSTRAINT "equivalence_rule_versions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "equivalence_rule_versions" ADD CONSTRAINT "equivalence_rule_versions_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_applications" ADD CONSTRAINT "rpl_applications_teacher_id_fkey" FOREIGN KEY ("teacher_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_applications" ADD CONSTRAINT "rpl_applications_intake_id_fkey" FOREIGN KEY ("intake_id") REFERENCES "rpl_intakes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_applications" ADD CONSTRAINT "rpl_applications_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "study_programmes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_applications" ADD CONSTRAINT "rpl_applications_evidence_requested_by_id_fkey" FOREIGN KEY ("evidence_requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_application_credentials" ADD CONSTRAINT "rpl_application_credentials_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "rpl_applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_application_credentials" ADD CONSTRAINT "rpl_application_credentials_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_application_credentials" ADD CONSTRAINT "rpl_application_credentials_external_credential_id_fkey" FOREIGN KEY ("external_credential_id") REFERENCES "external_credentials"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_evidence" ADD CONSTRAINT "rpl_evidence_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "rpl_applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_evidence" ADD CONSTRAINT "rpl_evidence_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_self_evaluations" ADD CONSTRAINT "rpl_self_evaluations_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "rpl_applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rpl_self_evaluations" ADD CONSTRAINT "rpl_self_evaluations_outcome_id_fkey" FOREIGN KEY ("outcome_id") REFERENCES "course_outcomes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what must never happen, enforced by the database.
ALTER TABLE "study_programmes" ADD CONSTRAINT "study_programmes_sks_semesters" CHECK ("total_sks" BETWEEN 1 AND 400 AND "semesters" BETWEEN 1 AND 16);
ALTER TABLE "courses" ADD CONSTRAINT "courses_sks_semester" CHECK ("sks" BETWEEN 1 AND 24 AND "semester" BETWEEN 1 AND 16);
ALTER TABLE "course_outcomes" ADD CONSTRAINT "course_outcomes_weight_positive" CHECK ("weight" > 0);
ALTER TABLE "rpl_intakes" ADD CONSTRAINT "rpl_intakes_window" CHECK ("opens_at" < "closes_at");
ALTER TABLE "rpl_intakes" ADD CONSTRAINT "rpl_intakes_quota_positive" CHECK ("quota" IS NULL OR "quota" > 0);
ALTER TABLE "regulation_profiles" ADD CONSTRAINT "regulation_profiles_layer_scope" CHECK (
  ("layer" = 'NATIONAL' AND "university_id" IS NULL AND "programme_id" IS NULL) OR
  ("layer" = 'UNIVERSITY' AND "university_id" IS NOT NULL AND "programme_id" IS NULL) OR
  ("layer" = 'PROGRAMME' AND "university_id" IS NULL AND "programme_id" IS NOT NULL));
-- Effective dates are inclusive: a version in force for one day starts and ends on it.
ALTER TABLE "regulation_profiles" ADD CONSTRAINT "regulation_profiles_dates" CHECK ("effective_to" IS NULL OR "effective_from" <= "effective_to");
ALTER TABLE "regulation_profiles" ADD CONSTRAINT "regulation_profiles_version_positive" CHECK ("version" >= 1);
-- One version number per scope.
CREATE UNIQUE INDEX "regulation_profiles_national_version" ON "regulation_profiles"("version") WHERE "layer" = 'NATIONAL';
CREATE UNIQUE INDEX "regulation_profiles_university_version" ON "regulation_profiles"("university_id", "version") WHERE "layer" = 'UNIVERSITY';
CREATE UNIQUE INDEX "regulation_profiles_programme_version" ON "regulation_profiles"("programme_id", "version") WHERE "layer" = 'PROGRAMME';
ALTER TABLE "equivalence_rule_versions" ADD CONSTRAINT "equivalence_rule_versions_version_positive" CHECK ("version" >= 1);
ALTER TABLE "equivalence_rule_versions" ADD CONSTRAINT "equivalence_rule_versions_sks_positive" CHECK ("sks" BETWEEN 1 AND 24);
ALTER TABLE "equivalence_rule_versions" ADD CONSTRAINT "equivalence_rule_versions_dates" CHECK ("effective_to" IS NULL OR "effective_from" <= "effective_to");
-- Four eyes: a version is approved by someone other than its author, and only then leaves DRAFT.
ALTER TABLE "equivalence_rule_versions" ADD CONSTRAINT "equivalence_rule_versions_approved_whole" CHECK (
  ("status" = 'DRAFT') = ("approved_at" IS NULL) AND ("status" = 'DRAFT') = ("approved_by_id" IS NULL) AND
  ("status" = 'RETIRED') = ("retired_at" IS NOT NULL));
ALTER TABLE "equivalence_rule_versions" ADD CONSTRAINT "equivalence_rule_versions_four_eyes" CHECK ("approved_by_id" IS NULL OR "approved_by_id" IS DISTINCT FROM "created_by_id");
CREATE UNIQUE INDEX "equivalence_rule_versions_one_draft" ON "equivalence_rule_versions"("rule_id") WHERE "status" = 'DRAFT';
-- A draft may be withdrawn without ever being submitted.
ALTER TABLE "rpl_applications" ADD CONSTRAINT "rpl_applications_submitted_whole" CHECK (
  ("status" IN ('DRAFT', 'WITHDRAWN') OR "submitted_at" IS NOT NULL) AND ("status" = 'WITHDRAWN') = ("withdrawn_at" IS NOT NULL) AND
  ("status" <> 'EVIDENCE_REQUESTED' OR "evidence_request" IS NOT NULL));
ALTER TABLE "rpl_applications" ADD CONSTRAINT "rpl_applications_proposed_sks" CHECK ("proposed_sks" IS NULL OR "proposed_sks" >= 0);
-- One live application per teacher per intake (a withdrawn one may be followed by a new one).
CREATE UNIQUE INDEX "rpl_applications_one_live" ON "rpl_applications"("teacher_id", "intake_id") WHERE "status" <> 'WITHDRAWN';
ALTER TABLE "rpl_application_credentials" ADD CONSTRAINT "rpl_application_credentials_one_source" CHECK (num_nonnulls("credential_id", "external_credential_id") = 1);
ALTER TABLE "rpl_evidence" ADD CONSTRAINT "rpl_evidence_size" CHECK ("size" > 0);

-- An approved rule version is what decisions were made under: its content never changes and it is
-- never deleted; it may only be retired (and its end date set).
CREATE FUNCTION kmg_approved_rule_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'DRAFT' THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'equivalence rule version % is approved: it cannot be deleted', OLD."id"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."status" = 'DRAFT' OR (OLD."status" = 'RETIRED' AND NEW."status" <> 'RETIRED') OR (
    NEW."id", NEW."rule_id", NEW."version", NEW."course_id", NEW."requirements", NEW."covered_outcomes",
    NEW."coverage", NEW."sks", NEW."rationale_id", NEW."rationale_en", NEW."effective_from",
    NEW."created_by_id", NEW."approved_by_id", NEW."approved_at"
  ) IS DISTINCT FROM (
    OLD."id", OLD."rule_id", OLD."version", OLD."course_id", OLD."requirements", OLD."covered_outcomes",
    OLD."coverage", OLD."sks", OLD."rationale_id", OLD."rationale_en", OLD."effective_from",
    OLD."created_by_id", OLD."approved_by_id", OLD."approved_at"
  ) THEN
    RAISE EXCEPTION 'equivalence rule version % is approved: draft a new version instead', OLD."id"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "equivalence_rule_versions_approved_is_final" BEFORE UPDATE OR DELETE ON "equivalence_rule_versions"
  FOR EACH ROW EXECUTE FUNCTION kmg_approved_rule_is_final();
