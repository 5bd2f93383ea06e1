-- CreateEnum
CREATE TYPE "CheckInStatus" AS ENUM ('PENDING', 'CONFIRMED', 'REJECTED');

-- AlterTable
ALTER TABLE "attendance" ADD COLUMN     "late" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "note" TEXT;

-- AlterTable
ALTER TABLE "training_days" ADD COLUMN     "check_in_token" TEXT,
ADD COLUMN     "check_in_token_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "check_ins" (
    "application_id" UUID NOT NULL,
    "day_id" UUID NOT NULL,
    "status" "CheckInStatus" NOT NULL DEFAULT 'PENDING',
    "scanned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "check_ins_pkey" PRIMARY KEY ("application_id","day_id")
);

-- CreateIndex
CREATE INDEX "check_ins_day_id_status_idx" ON "check_ins"("day_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "training_days_check_in_token_key" ON "training_days"("check_in_token");

-- AddForeignKey
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_day_id_fkey" FOREIGN KEY ("day_id") REFERENCES "training_days"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Late is a kind of present; a note is a line, not a document.
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_late_is_present" CHECK (present OR NOT late),
  ADD CONSTRAINT "attendance_note_length" CHECK (note IS NULL OR char_length(note) <= 500);

-- A pending check-in is undecided; a decided one says who decided and when.
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_decision" CHECK (
  (status = 'PENDING') = (decided_at IS NULL) AND (decided_at IS NULL) = (decided_by_id IS NULL)
);

-- The day's token is long and random: never a short code someone could guess.
ALTER TABLE "training_days" ADD CONSTRAINT "training_days_check_in_token_length"
  CHECK (check_in_token IS NULL OR char_length(check_in_token) >= 32);
