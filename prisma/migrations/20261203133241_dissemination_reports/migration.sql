-- CreateEnum
CREATE TYPE "DisseminationKind" AS ENUM ('SCHOOL_WORKSHOP', 'TEACHER_FORUM', 'TEACHING_MODULE', 'STUDENT_PRACTICE', 'INDUSTRY_CLASS', 'CONTENT_PUBLISHED');

-- CreateEnum
CREATE TYPE "DisseminationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'VERIFIED', 'RETURNED');

-- AlterEnum
ALTER TYPE "SubjectType" ADD VALUE 'DISSEMINATION_REPORT';

-- AlterTable
ALTER TABLE "programmes" ADD COLUMN     "dissemination_min_activities" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "dissemination_within_months" INTEGER NOT NULL DEFAULT 6;

-- CreateTable
CREATE TABLE "dissemination_reports" (
    "id" UUID NOT NULL,
    "teacher_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "school_id" UUID NOT NULL,
    "kind" "DisseminationKind" NOT NULL,
    "held_on" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "teachers_reached" INTEGER NOT NULL DEFAULT 0,
    "students_reached" INTEGER NOT NULL DEFAULT 0,
    "schools_reached" INTEGER NOT NULL DEFAULT 0,
    "status" "DisseminationStatus" NOT NULL DEFAULT 'DRAFT',
    "submitted_at" TIMESTAMPTZ(3),
    "verified_at" TIMESTAMPTZ(3),
    "verified_by_id" UUID,
    "return_note" TEXT,
    "returned_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dissemination_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dissemination_evidence" (
    "id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dissemination_evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dissemination_reminders" (
    "application_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dissemination_reminders_pkey" PRIMARY KEY ("application_id","key")
);

-- CreateIndex
CREATE INDEX "dissemination_reports_teacher_id_held_on_idx" ON "dissemination_reports"("teacher_id", "held_on");

-- CreateIndex
CREATE INDEX "dissemination_reports_school_id_status_idx" ON "dissemination_reports"("school_id", "status");

-- CreateIndex
CREATE INDEX "dissemination_reports_application_id_status_idx" ON "dissemination_reports"("application_id", "status");

-- CreateIndex
CREATE INDEX "dissemination_evidence_report_id_idx" ON "dissemination_evidence"("report_id");

-- AddForeignKey
ALTER TABLE "dissemination_reports" ADD CONSTRAINT "dissemination_reports_teacher_id_fkey" FOREIGN KEY ("teacher_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dissemination_reports" ADD CONSTRAINT "dissemination_reports_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dissemination_reports" ADD CONSTRAINT "dissemination_reports_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dissemination_reports" ADD CONSTRAINT "dissemination_reports_verified_by_id_fkey" FOREIGN KEY ("verified_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dissemination_evidence" ADD CONSTRAINT "dissemination_evidence_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "dissemination_reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dissemination_reminders" ADD CONSTRAINT "dissemination_reminders_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What must never happen, whatever the code does.
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_dissemination_expectation" CHECK (
  "dissemination_min_activities" BETWEEN 0 AND 50 AND "dissemination_within_months" BETWEEN 1 AND 60
);
ALTER TABLE "dissemination_reports" ADD CONSTRAINT "dissemination_reports_counts" CHECK (
  "teachers_reached" >= 0 AND "students_reached" >= 0 AND "schools_reached" >= 0
);
-- Submitted, verified and returned reports were submitted; only a verified one has a verifier.
ALTER TABLE "dissemination_reports" ADD CONSTRAINT "dissemination_reports_submitted" CHECK (
  "status" = 'DRAFT' OR "submitted_at" IS NOT NULL
);
ALTER TABLE "dissemination_reports" ADD CONSTRAINT "dissemination_reports_verified" CHECK (
  ("status" = 'VERIFIED') = ("verified_by_id" IS NOT NULL AND "verified_at" IS NOT NULL)
);
ALTER TABLE "dissemination_reports" ADD CONSTRAINT "dissemination_reports_returned" CHECK (
  "status" <> 'RETURNED' OR ("return_note" IS NOT NULL AND length(btrim("return_note")) > 0)
);
ALTER TABLE "dissemination_reports" ADD CONSTRAINT "dissemination_reports_texts" CHECK (
  length("place") <= 300 AND length("description") <= 2000
);
ALTER TABLE "dissemination_evidence" ADD CONSTRAINT "dissemination_evidence_size" CHECK ("size" > 0);
