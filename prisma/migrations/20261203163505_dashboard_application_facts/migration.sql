-- CreateTable
CREATE TABLE "dashboard_application_facts" (
    "application_id" UUID NOT NULL,
    "call_id" UUID NOT NULL,
    "programme_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "provider_id" UUID NOT NULL,
    "skill_area_id" UUID NOT NULL,
    "teacher_id" UUID NOT NULL,
    "school_id" UUID,
    "school_province" TEXT,
    "school_status" "SchoolStatus",
    "gender" "Gender",
    "region" TEXT NOT NULL,
    "endorsed" BOOLEAN NOT NULL,
    "selected" BOOLEAN NOT NULL,
    "confirmed" BOOLEAN NOT NULL,
    "attended" BOOLEAN NOT NULL,
    "completed" BOOLEAN NOT NULL,
    "credentialed" BOOLEAN NOT NULL,
    "revoked" BOOLEAN NOT NULL,
    "kompeten" INTEGER NOT NULL,
    "belum_kompeten" INTEGER NOT NULL,
    "rating_stars" INTEGER,
    "reports_submitted" INTEGER NOT NULL,
    "reports_verified" INTEGER NOT NULL,
    "teachers_reached" INTEGER NOT NULL,
    "students_reached" INTEGER NOT NULL,

    CONSTRAINT "dashboard_application_facts_pkey" PRIMARY KEY ("application_id")
);

-- CreateTable
CREATE TABLE "dashboard_refreshes" (
    "id" TEXT NOT NULL,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL,
    "took_ms" INTEGER NOT NULL,
    "change_mark" BIGINT NOT NULL,

    CONSTRAINT "dashboard_refreshes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dashboard_application_facts_call_id_idx" ON "dashboard_application_facts"("call_id");

-- CreateIndex
CREATE INDEX "dashboard_application_facts_school_id_idx" ON "dashboard_application_facts"("school_id");
