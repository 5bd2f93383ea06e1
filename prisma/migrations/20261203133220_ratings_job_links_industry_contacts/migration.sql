-- CreateTable
CREATE TABLE "training_ratings" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "call_id" UUID NOT NULL,
    "provider_id" UUID NOT NULL,
    "teacher_id" UUID NOT NULL,
    "stars" INTEGER NOT NULL,
    "review" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "training_ratings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "skill_area_job_links" (
    "id" UUID NOT NULL,
    "skill_area_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description_id" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "skill_area_job_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "industry_contacts" (
    "id" UUID NOT NULL,
    "teacher_id" UUID NOT NULL,
    "application_id" UUID,
    "company_name" TEXT NOT NULL,
    "contact_name" TEXT,
    "role" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "industry_contacts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "training_ratings_application_id_key" ON "training_ratings"("application_id");

-- CreateIndex
CREATE INDEX "training_ratings_call_id_idx" ON "training_ratings"("call_id");

-- CreateIndex
CREATE INDEX "training_ratings_provider_id_idx" ON "training_ratings"("provider_id");

-- CreateIndex
CREATE INDEX "training_ratings_teacher_id_idx" ON "training_ratings"("teacher_id");

-- CreateIndex
CREATE UNIQUE INDEX "skill_area_job_links_skill_area_id_name_key" ON "skill_area_job_links"("skill_area_id", "name");

-- CreateIndex
CREATE INDEX "industry_contacts_teacher_id_idx" ON "industry_contacts"("teacher_id");

-- AddForeignKey
ALTER TABLE "training_ratings" ADD CONSTRAINT "training_ratings_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_ratings" ADD CONSTRAINT "training_ratings_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "training_calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_ratings" ADD CONSTRAINT "training_ratings_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_ratings" ADD CONSTRAINT "training_ratings_teacher_id_fkey" FOREIGN KEY ("teacher_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "skill_area_job_links" ADD CONSTRAINT "skill_area_job_links_skill_area_id_fkey" FOREIGN KEY ("skill_area_id") REFERENCES "skill_areas"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "industry_contacts" ADD CONSTRAINT "industry_contacts_teacher_id_fkey" FOREIGN KEY ("teacher_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "industry_contacts" ADD CONSTRAINT "industry_contacts_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A rating is 1 to 5 stars; a review is short (the domain package checks the same, with messages).
ALTER TABLE "training_ratings" ADD CONSTRAINT "training_ratings_stars" CHECK ("stars" BETWEEN 1 AND 5);
ALTER TABLE "training_ratings" ADD CONSTRAINT "training_ratings_review_length" CHECK (char_length("review") <= 1000);
-- Job platform links are web addresses, opened by teachers as they are.
ALTER TABLE "skill_area_job_links" ADD CONSTRAINT "skill_area_job_links_https" CHECK ("url" LIKE 'https://%');
ALTER TABLE "industry_contacts" ADD CONSTRAINT "industry_contacts_company_name" CHECK (char_length(btrim("company_name")) BETWEEN 1 AND 200);
