-- The data model for stackable pathways and RPL credit, with every existing row moved:
-- achievements become reusable and versioned (calls point at them), SKKNI units become reference
-- rows, learning outcomes become rows, credentials get a kind and components, the missing
-- foreign keys, enums and indexes are added, and audit events and notices get a general subject.

-- CreateEnum
CREATE TYPE "OutcomeReason" AS ENUM ('SEATS_FULL', 'SCHOOL_CAP', 'PROVINCE_CAP', 'BELOW_MIN_SCORE', 'NOT_REVIEWED', 'SEAT_DECLINED', 'SEAT_WITHDRAWN', 'SEAT_LAPSED', 'SEATS_ADDED');

-- CreateEnum
CREATE TYPE "SubjectType" AS ENUM ('APPLICATION', 'CALL', 'CREDENTIAL', 'ORGANIZATION');

-- CreateEnum
CREATE TYPE "AchievementStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'RETIRED');

-- CreateEnum
CREATE TYPE "StatusListPurpose" AS ENUM ('revocation', 'suspension');

-- CreateEnum
CREATE TYPE "CredentialKind" AS ENUM ('TRAINING', 'PATHWAY', 'CLR', 'EXTERNAL');

-- ---------------------------------------------------------------------------------------------
-- SKKNI units: one reference row per code the calls use. Its title is the one the public unit
-- page showed: the newest published call's, else the newest call's.

CREATE TABLE "skkni_units" (
    "code" TEXT NOT NULL,
    "title_id" TEXT NOT NULL,
    "title_en" TEXT,
    "sector" TEXT,
    "kkni_level" INTEGER,

    CONSTRAINT "skkni_units_pkey" PRIMARY KEY ("code")
);

INSERT INTO "skkni_units" ("code", "title_id")
SELECT DISTINCT ON (u."code") u."code", u."title"
FROM "competency_units" u
JOIN "training_calls" c ON c."id" = u."call_id"
ORDER BY u."code", (c."status" = 'DRAFT'), c."start_date" DESC, c."id" DESC;

CREATE INDEX "competency_units_code_idx" ON "competency_units"("code");

ALTER TABLE "competency_units" ADD CONSTRAINT "competency_units_code_fkey" FOREIGN KEY ("code") REFERENCES "skkni_units"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Achievements apart from calls. Each existing achievement stays the one its call awards
-- (calls.achievement_id), as version 1 under the call's code (its id when it has none), owned by
-- the call's provider; published when credentials were issued under it, else a draft.

ALTER TABLE "achievements" ADD COLUMN     "code" TEXT,
ADD COLUMN     "owner_id" UUID,
ADD COLUMN     "published_at" TIMESTAMPTZ(3),
ADD COLUMN     "status" "AchievementStatus" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "training_calls" ADD COLUMN     "achievement_id" UUID;

UPDATE "training_calls" c SET "achievement_id" = a."id"
FROM "achievements" a
WHERE a."call_id" = c."id";

UPDATE "achievements" a SET "code" = COALESCE(c."code", c."id"::text), "owner_id" = c."provider_id"
FROM "training_calls" c
WHERE c."id" = a."call_id";

UPDATE "achievements" a SET "status" = 'PUBLISHED', "published_at" = issued."first_issued_at"
FROM (
  SELECT "achievement_id", min("created_at") AS "first_issued_at" FROM "credentials" GROUP BY "achievement_id"
) issued
WHERE issued."achievement_id" = a."id";

ALTER TABLE "achievements" ALTER COLUMN "code" SET NOT NULL,
ALTER COLUMN "owner_id" SET NOT NULL;

CREATE TABLE "achievement_units" (
    "achievement_id" UUID NOT NULL,
    "unit_code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "achievement_units_pkey" PRIMARY KEY ("achievement_id","unit_code")
);

INSERT INTO "achievement_units" ("achievement_id", "unit_code", "position")
SELECT c."achievement_id", u."code", u."position"
FROM "competency_units" u
JOIN "training_calls" c ON c."id" = u."call_id"
WHERE c."achievement_id" IS NOT NULL;

-- Learning outcomes as rows: the call's list, in order (LO1, LO2...), and a copy for the
-- achievement the call awards (what its credentials certify).
CREATE TABLE "learning_outcomes" (
    "id" UUID NOT NULL,
    "achievement_id" UUID,
    "call_id" UUID,
    "code" TEXT NOT NULL,
    "text_id" TEXT NOT NULL,
    "text_en" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "learning_outcomes_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "learning_outcome_units" (
    "outcome_id" UUID NOT NULL,
    "unit_code" TEXT NOT NULL,

    CONSTRAINT "learning_outcome_units_pkey" PRIMARY KEY ("outcome_id","unit_code")
);

INSERT INTO "learning_outcomes" ("id", "call_id", "code", "text_id", "position")
SELECT gen_random_uuid(), c."id", 'LO' || o.n, o.text, o.n - 1
FROM "training_calls" c, unnest(c."learning_outcomes") WITH ORDINALITY AS o(text, n);

INSERT INTO "learning_outcomes" ("id", "achievement_id", "code", "text_id", "position")
SELECT gen_random_uuid(), c."achievement_id", 'LO' || o.n, o.text, o.n - 1
FROM "training_calls" c, unnest(c."learning_outcomes") WITH ORDINALITY AS o(text, n)
WHERE c."achievement_id" IS NOT NULL;

ALTER TABLE "achievements" DROP CONSTRAINT "achievements_call_id_fkey";

DROP INDEX "achievements_call_id_key";

ALTER TABLE "achievements" DROP COLUMN "call_id";

ALTER TABLE "training_calls" DROP COLUMN "learning_outcomes";

CREATE INDEX "achievements_owner_id_idx" ON "achievements"("owner_id");

CREATE UNIQUE INDEX "achievements_code_version_key" ON "achievements"("code", "version");

CREATE INDEX "training_calls_achievement_id_idx" ON "training_calls"("achievement_id");

CREATE INDEX "achievement_units_unit_code_idx" ON "achievement_units"("unit_code");

CREATE UNIQUE INDEX "learning_outcomes_achievement_id_code_key" ON "learning_outcomes"("achievement_id", "code");

CREATE UNIQUE INDEX "learning_outcomes_call_id_code_key" ON "learning_outcomes"("call_id", "code");

CREATE INDEX "learning_outcome_units_unit_code_idx" ON "learning_outcome_units"("unit_code");

ALTER TABLE "training_calls" ADD CONSTRAINT "training_calls_achievement_id_fkey" FOREIGN KEY ("achievement_id") REFERENCES "achievements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "achievements" ADD CONSTRAINT "achievements_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "achievement_units" ADD CONSTRAINT "achievement_units_achievement_id_fkey" FOREIGN KEY ("achievement_id") REFERENCES "achievements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "achievement_units" ADD CONSTRAINT "achievement_units_unit_code_fkey" FOREIGN KEY ("unit_code") REFERENCES "skkni_units"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "learning_outcomes" ADD CONSTRAINT "learning_outcomes_achievement_id_fkey" FOREIGN KEY ("achievement_id") REFERENCES "achievements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "learning_outcomes" ADD CONSTRAINT "learning_outcomes_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "training_calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "learning_outcome_units" ADD CONSTRAINT "learning_outcome_units_outcome_id_fkey" FOREIGN KEY ("outcome_id") REFERENCES "learning_outcomes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "learning_outcome_units" ADD CONSTRAINT "learning_outcome_units_unit_code_fkey" FOREIGN KEY ("unit_code") REFERENCES "skkni_units"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Credentials of several kinds. Every existing credential is a training credential.

ALTER TABLE "credentials" ADD COLUMN     "kind" "CredentialKind" NOT NULL DEFAULT 'TRAINING',
ALTER COLUMN "application_id" DROP NOT NULL,
ALTER COLUMN "achievement_id" DROP NOT NULL;

CREATE TABLE "credential_components" (
    "credential_id" UUID NOT NULL,
    "component_id" UUID NOT NULL,

    CONSTRAINT "credential_components_pkey" PRIMARY KEY ("credential_id","component_id")
);

CREATE INDEX "credential_components_component_id_idx" ON "credential_components"("component_id");

CREATE INDEX "credentials_issuer_id_idx" ON "credentials"("issuer_id");

CREATE INDEX "credentials_achievement_id_idx" ON "credentials"("achievement_id");

ALTER TABLE "credentials" ADD CONSTRAINT "credentials_teacher_id_fkey" FOREIGN KEY ("teacher_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "credentials" ADD CONSTRAINT "credentials_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "credentials" ADD CONSTRAINT "credentials_revocation_list_id_fkey" FOREIGN KEY ("revocation_list_id") REFERENCES "status_lists"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "credentials" ADD CONSTRAINT "credentials_suspension_list_id_fkey" FOREIGN KEY ("suspension_list_id") REFERENCES "status_lists"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "credential_components" ADD CONSTRAINT "credential_components_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "credential_components" ADD CONSTRAINT "credential_components_component_id_fkey" FOREIGN KEY ("component_id") REFERENCES "credentials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Status list purposes and outcome reasons become enums; every stored value converts (an
-- unknown one stops the migration rather than being dropped).
ALTER TABLE "status_lists" ALTER COLUMN "purpose" TYPE "StatusListPurpose" USING "purpose"::"StatusListPurpose";

CREATE INDEX "status_lists_organization_id_purpose_idx" ON "status_lists"("organization_id", "purpose");

ALTER TABLE "applications" ALTER COLUMN "outcome_reason" TYPE "OutcomeReason" USING "outcome_reason"::"OutcomeReason";

-- ---------------------------------------------------------------------------------------------
-- The missing foreign keys to the people who acted.

ALTER TABLE "applications" ADD CONSTRAINT "applications_endorsed_by_id_fkey" FOREIGN KEY ("endorsed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "unit_assessments" ADD CONSTRAINT "unit_assessments_assessor_id_fkey" FOREIGN KEY ("assessor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "evidence" ADD CONSTRAINT "evidence_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "result_amendments" ADD CONSTRAINT "result_amendments_proposed_by_id_fkey" FOREIGN KEY ("proposed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "result_amendments" ADD CONSTRAINT "result_amendments_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- A general subject on audit events and notices. Existing rows get theirs from what they name:
-- the credential of a credential event, else the application, else the call; an issuer's key
-- rotation is about the organization. Filling a new column is not rewriting history, so the
-- append-only trigger steps aside for this one statement set and is back before the end.

ALTER TABLE "audit_events" ADD COLUMN     "subject_id" UUID,
ADD COLUMN     "subject_type" "SubjectType";

ALTER TABLE "notifications" ADD COLUMN     "subject_id" UUID,
ADD COLUMN     "subject_type" "SubjectType";

ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_no_update";

UPDATE "audit_events" SET "subject_type" = 'CREDENTIAL', "subject_id" = ("details"->>'credentialId')::uuid
WHERE "action" LIKE 'credential.%'
  AND "details"->>'credentialId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

UPDATE "audit_events" SET "subject_type" = 'APPLICATION', "subject_id" = "application_id"
WHERE "subject_type" IS NULL AND "application_id" IS NOT NULL;

UPDATE "audit_events" SET "subject_type" = 'CALL', "subject_id" = "call_id"
WHERE "subject_type" IS NULL AND "call_id" IS NOT NULL;

UPDATE "audit_events" e SET "subject_type" = 'ORGANIZATION', "subject_id" = o."id"
FROM "organizations" o
WHERE e."subject_type" IS NULL AND e."action" = 'issuer.key_rotated' AND o."code" = e."details"->>'organization';

ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_no_update";

UPDATE "notifications" SET "subject_type" = 'APPLICATION', "subject_id" = "application_id"
WHERE "application_id" IS NOT NULL;

UPDATE "notifications" SET "subject_type" = 'CALL', "subject_id" = "call_id"
WHERE "subject_type" IS NULL AND "call_id" IS NOT NULL;

CREATE INDEX "audit_events_subject_type_subject_id_id_idx" ON "audit_events"("subject_type", "subject_id", "id");

-- ---------------------------------------------------------------------------------------------
-- Indexes the hot paths lack: the every-minute deadline sweep (SUBMITTED, and ACCEPTED past
-- confirm_by), a reviewer's calls, an assessment's evidence, an application's amendments.

CREATE INDEX "applications_status_confirm_by_idx" ON "applications"("status", "confirm_by");

CREATE INDEX "call_reviewers_user_id_idx" ON "call_reviewers"("user_id");

CREATE INDEX "evidence_assessment_id_idx" ON "evidence"("assessment_id");

CREATE INDEX "result_amendments_application_id_idx" ON "result_amendments"("application_id");

-- ---------------------------------------------------------------------------------------------
-- Invariants the database enforces whatever code writes.

ALTER TABLE "skkni_units" ADD CONSTRAINT "skkni_units_code_format" CHECK ("code" ~ '^[A-Z]\.[0-9]{6}\.[0-9]{3}\.[0-9]{2}$');
ALTER TABLE "skkni_units" ADD CONSTRAINT "skkni_units_kkni_level_range" CHECK ("kkni_level" IS NULL OR "kkni_level" BETWEEN 1 AND 9);
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_version_positive" CHECK ("version" >= 1);
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_published_at_when_published" CHECK (("status" = 'DRAFT') = ("published_at" IS NULL));
ALTER TABLE "learning_outcomes" ADD CONSTRAINT "learning_outcomes_one_owner" CHECK (num_nonnulls("achievement_id", "call_id") = 1);
ALTER TABLE "learning_outcomes" ADD CONSTRAINT "learning_outcomes_position_positive" CHECK ("position" >= 0);
-- A training credential rests on its application; no other kind has one. Every kind but a CLR
-- bundle (whose components carry theirs) awards an achievement.
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_application_iff_training" CHECK (("kind" = 'TRAINING') = ("application_id" IS NOT NULL));
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_achievement_unless_clr" CHECK ("kind" = 'CLR' OR "achievement_id" IS NOT NULL);
ALTER TABLE "credential_components" ADD CONSTRAINT "credential_components_not_itself" CHECK ("credential_id" <> "component_id");
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_subject_whole" CHECK (("subject_type" IS NULL) = ("subject_id" IS NULL));
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_subject_whole" CHECK (("subject_type" IS NULL) = ("subject_id" IS NULL));

-- A published achievement is what its credentials certify: its content (and its id, code and
-- version) never changes and it is never deleted; only its status moves on (PUBLISHED -> RETIRED).
-- An edit is a new version.
CREATE FUNCTION kmg_published_achievement_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'DRAFT' THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'achievement % version % is published: it cannot be deleted', OLD."code", OLD."version"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."status" = 'DRAFT' OR (
    NEW."id", NEW."code", NEW."version", NEW."owner_id", NEW."published_at", NEW."achievement_type",
    NEW."name_id", NEW."name_en", NEW."description_id", NEW."description_en", NEW."criteria_id",
    NEW."criteria_en", NEW."kkni_level", NEW."sks_hundredths", NEW."validity_months", NEW."image_url",
    NEW."assessment_method", NEW."quality_assurance"
  ) IS DISTINCT FROM (
    OLD."id", OLD."code", OLD."version", OLD."owner_id", OLD."published_at", OLD."achievement_type",
    OLD."name_id", OLD."name_en", OLD."description_id", OLD."description_en", OLD."criteria_id",
    OLD."criteria_en", OLD."kkni_level", OLD."sks_hundredths", OLD."validity_months", OLD."image_url",
    OLD."assessment_method", OLD."quality_assurance"
  ) THEN
    RAISE EXCEPTION 'achievement % version % is published: save a new version instead', OLD."code", OLD."version"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "achievements_published_is_final" BEFORE UPDATE OR DELETE ON "achievements"
  FOR EACH ROW EXECUTE FUNCTION kmg_published_achievement_is_final();

-- Its units and learning outcomes (and the outcomes' units) are part of that content.
CREATE FUNCTION kmg_assert_achievement_draft(achievement UUID) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF achievement IS NOT NULL AND EXISTS (
    SELECT 1 FROM "achievements" WHERE "id" = achievement AND "status" <> 'DRAFT'
  ) THEN
    RAISE EXCEPTION 'achievement % is published: its units and learning outcomes cannot change', achievement
      USING ERRCODE = 'insufficient_privilege';
  END IF;
END $$;

CREATE FUNCTION kmg_achievement_content_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'learning_outcome_units' THEN
    PERFORM kmg_assert_achievement_draft((SELECT "achievement_id" FROM "learning_outcomes" WHERE "id" = OLD."outcome_id"));
    PERFORM kmg_assert_achievement_draft((SELECT "achievement_id" FROM "learning_outcomes" WHERE "id" = NEW."outcome_id"));
  ELSE
    PERFORM kmg_assert_achievement_draft(OLD."achievement_id");
    PERFORM kmg_assert_achievement_draft(NEW."achievement_id");
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER "achievement_units_are_final" BEFORE INSERT OR UPDATE OR DELETE ON "achievement_units"
  FOR EACH ROW EXECUTE FUNCTION kmg_achievement_content_is_final();
CREATE TRIGGER "learning_outcomes_are_final" BEFORE INSERT OR UPDATE OR DELETE ON "learning_outcomes"
  FOR EACH ROW EXECUTE FUNCTION kmg_achievement_content_is_final();
CREATE TRIGGER "learning_outcome_units_are_final" BEFORE INSERT OR UPDATE OR DELETE ON "learning_outcome_units"
  FOR EACH ROW EXECUTE FUNCTION kmg_achievement_content_is_final();
