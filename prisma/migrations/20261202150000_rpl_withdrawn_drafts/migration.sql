-- A teacher may withdraw a draft that was never submitted (the state machine allows withdraw from
-- DRAFT): such a withdrawn application has no submission time.
ALTER TABLE "rpl_applications" DROP CONSTRAINT "rpl_applications_submitted_whole";
ALTER TABLE "rpl_applications" ADD CONSTRAINT "rpl_applications_submitted_whole" CHECK (
  ("status" IN ('DRAFT', 'WITHDRAWN') OR "submitted_at" IS NOT NULL) AND ("status" = 'WITHDRAWN') = ("withdrawn_at" IS NOT NULL) AND
  ("status" <> 'EVIDENCE_REQUESTED' OR "evidence_request" IS NOT NULL));
