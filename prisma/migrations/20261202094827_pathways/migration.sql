-- CreateEnum
CREATE TYPE "PathwayStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'RETIRED');

-- CreateEnum
CREATE TYPE "BackfillStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "AwardReviewStatus" AS ENUM ('OPEN', 'KEPT', 'REVOKED');

-- AlterEnum
ALTER TYPE "SubjectType" ADD VALUE 'PATHWAY';

-- AlterTable
ALTER TABLE "credentials" ADD COLUMN     "pathway_version_id" UUID;

-- AlterTable
ALTER TABLE "credential_components" ADD COLUMN     "item_ids" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "pathways" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "issuer_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pathways_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pathway_versions" (
    "id" UUID NOT NULL,
    "pathway_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "PathwayStatus" NOT NULL DEFAULT 'DRAFT',
    "title_id" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "description_id" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "kkni_level" INTEGER NOT NULL,
    "achievement_type" "AchievementType" NOT NULL,
    "validity_months" INTEGER,
    "requirements" JSONB NOT NULL,
    "precedes" JSONB NOT NULL DEFAULT '[]',
    "recency_years" INTEGER,
    "allow_credential_reuse" BOOLEAN NOT NULL DEFAULT false,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "achievement_id" UUID,
    "created_by_id" UUID,
    "published_at" TIMESTAMPTZ(3),
    "retired_at" TIMESTAMPTZ(3),
    "backfill_status" "BackfillStatus",
    "backfill_total" INTEGER NOT NULL DEFAULT 0,
    "backfill_done" INTEGER NOT NULL DEFAULT 0,
    "backfill_awarded" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pathway_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pathway_award_reviews" (
    "id" UUID NOT NULL,
    "award_id" UUID NOT NULL,
    "component_id" UUID NOT NULL,
    "status" "AwardReviewStatus" NOT NULL DEFAULT 'OPEN',
    "reason" TEXT,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pathway_award_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "external_credentials" (
    "id" UUID NOT NULL,
    "teacher_id" UUID NOT NULL,
    "credential_uri" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "achievement_uri" TEXT NOT NULL,
    "achievement_name" TEXT NOT NULL,
    "issuer_uri" TEXT NOT NULL,
    "issuer_name" TEXT NOT NULL,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_until" TIMESTAMPTZ(3),
    "hours" INTEGER NOT NULL DEFAULT 0,
    "sks_hundredths" INTEGER NOT NULL DEFAULT 0,
    "source_url" TEXT,
    "verification" JSONB NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "external_credentials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credential_external_components" (
    "credential_id" UUID NOT NULL,
    "external_id" UUID NOT NULL,
    "item_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "credential_external_components_pkey" PRIMARY KEY ("credential_id","external_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "pathways_code_key" ON "pathways"("code");

-- CreateIndex
CREATE UNIQUE INDEX "pathway_versions_achievement_id_key" ON "pathway_versions"("achievement_id");

-- CreateIndex
CREATE INDEX "pathway_versions_status_idx" ON "pathway_versions"("status");

-- CreateIndex
CREATE UNIQUE INDEX "pathway_versions_pathway_id_version_key" ON "pathway_versions"("pathway_id", "version");

-- CreateIndex
CREATE INDEX "pathway_award_reviews_status_idx" ON "pathway_award_reviews"("status");

-- CreateIndex
CREATE UNIQUE INDEX "pathway_award_reviews_award_id_component_id_key" ON "pathway_award_reviews"("award_id", "component_id");

-- CreateIndex
CREATE INDEX "external_credentials_achievement_uri_issuer_uri_idx" ON "external_credentials"("achievement_uri", "issuer_uri");

-- CreateIndex
CREATE UNIQUE INDEX "external_credentials_teacher_id_credential_uri_key" ON "external_credentials"("teacher_id", "credential_uri");

-- CreateIndex
CREATE INDEX "credential_external_components_external_id_idx" ON "credential_external_components"("external_id");

-- CreateIndex
CREATE UNIQUE INDEX "credentials_pathway_version_id_teacher_id_key" ON "credentials"("pathway_version_id", "teacher_id");

-- AddForeignKey
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_pathway_version_id_fkey" FOREIGN KEY ("pathway_version_id") REFERENCES "pathway_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pathway_versions" ADD CONSTRAINT "pathway_versions_pathway_id_fkey" FOREIGN KEY ("pathway_id") REFERENCES "pathways"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pathway_versions" ADD CONSTRAINT "pathway_versions_achievement_id_fkey" FOREIGN KEY ("achievement_id") REFERENCES "achievements"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pathway_versions" ADD CONSTRAINT "pathway_versions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pathway_award_reviews" ADD CONSTRAINT "pathway_award_reviews_award_id_fkey" FOREIGN KEY ("award_id") REFERENCES "credentials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pathway_award_reviews" ADD CONSTRAINT "pathway_award_reviews_component_id_fkey" FOREIGN KEY ("component_id") REFERENCES "credentials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pathway_award_reviews" ADD CONSTRAINT "pathway_award_reviews_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_credentials" ADD CONSTRAINT "external_credentials_teacher_id_fkey" FOREIGN KEY ("teacher_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credential_external_components" ADD CONSTRAINT "credential_external_components_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credential_external_components" ADD CONSTRAINT "credential_external_components_external_id_fkey" FOREIGN KEY ("external_id") REFERENCES "external_credentials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what must never happen, enforced by the database.
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_pathway_version_iff_pathway" CHECK (("kind" = 'PATHWAY') = ("pathway_version_id" IS NOT NULL));
ALTER TABLE "pathway_versions" ADD CONSTRAINT "pathway_versions_version_positive" CHECK ("version" >= 1);
ALTER TABLE "pathway_versions" ADD CONSTRAINT "pathway_versions_kkni_level_range" CHECK ("kkni_level" BETWEEN 1 AND 9);
ALTER TABLE "pathway_versions" ADD CONSTRAINT "pathway_versions_validity_positive" CHECK ("validity_months" IS NULL OR "validity_months" > 0);
ALTER TABLE "pathway_versions" ADD CONSTRAINT "pathway_versions_recency_positive" CHECK ("recency_years" IS NULL OR "recency_years" > 0);
ALTER TABLE "pathway_versions" ADD CONSTRAINT "pathway_versions_published_whole" CHECK (("status" = 'DRAFT') = ("published_at" IS NULL) AND ("status" = 'DRAFT') = ("achievement_id" IS NULL));
ALTER TABLE "pathway_versions" ADD CONSTRAINT "pathway_versions_backfill_counts" CHECK ("backfill_done" BETWEEN 0 AND "backfill_total" AND "backfill_awarded" BETWEEN 0 AND "backfill_done");
ALTER TABLE "pathway_award_reviews" ADD CONSTRAINT "pathway_award_reviews_decided_whole" CHECK (("status" = 'OPEN') = ("decided_at" IS NULL) AND ("status" = 'OPEN' OR "reason" IS NOT NULL));
ALTER TABLE "pathway_award_reviews" ADD CONSTRAINT "pathway_award_reviews_not_itself" CHECK ("award_id" <> "component_id");
ALTER TABLE "external_credentials" ADD CONSTRAINT "external_credentials_amounts" CHECK ("hours" >= 0 AND "sks_hundredths" >= 0);

-- At most one draft and one published version per pathway at a time.
CREATE UNIQUE INDEX "pathway_versions_one_draft" ON "pathway_versions"("pathway_id") WHERE "status" = 'DRAFT';
CREATE UNIQUE INDEX "pathway_versions_one_published" ON "pathway_versions"("pathway_id") WHERE "status" = 'PUBLISHED';
-- The console's award list and the re-evaluation read awards by version and by teacher.
CREATE INDEX "credentials_teacher_kind" ON "credentials"("teacher_id", "kind");

-- A published pathway version is what its awards were earned under: its content never changes and
-- it is never deleted; only its status moves on (PUBLISHED -> RETIRED) and its backfill progresses.
CREATE FUNCTION kmg_published_pathway_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'DRAFT' THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'pathway version % is published: it cannot be deleted', OLD."id"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."status" = 'DRAFT' OR (OLD."status" = 'RETIRED' AND NEW."status" <> 'RETIRED') OR (
    NEW."id", NEW."pathway_id", NEW."version", NEW."title_id", NEW."title_en", NEW."description_id",
    NEW."description_en", NEW."kkni_level", NEW."achievement_type", NEW."validity_months",
    NEW."requirements", NEW."precedes", NEW."recency_years", NEW."allow_credential_reuse",
    NEW."achievement_id", NEW."published_at"
  ) IS DISTINCT FROM (
    OLD."id", OLD."pathway_id", OLD."version", OLD."title_id", OLD."title_en", OLD."description_id",
    OLD."description_en", OLD."kkni_level", OLD."achievement_type", OLD."validity_months",
    OLD."requirements", OLD."precedes", OLD."recency_years", OLD."allow_credential_reuse",
    OLD."achievement_id", OLD."published_at"
  ) THEN
    RAISE EXCEPTION 'pathway version % is published: save a new version instead', OLD."id"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "pathway_versions_published_is_final" BEFORE UPDATE OR DELETE ON "pathway_versions"
  FOR EACH ROW EXECUTE FUNCTION kmg_published_pathway_is_final();
