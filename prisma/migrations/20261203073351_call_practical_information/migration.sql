-- CreateEnum
CREATE TYPE "TravelSupport" AS ENUM ('NOT_COVERED', 'REIMBURSED_UP_TO', 'COVERED');

-- AlterTable
ALTER TABLE "training_calls" ADD COLUMN     "accommodation_note" TEXT,
ADD COLUMN     "accommodation_provided" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "travel_support" "TravelSupport",
ADD COLUMN     "travel_support_max_rupiah" INTEGER,
ADD COLUMN     "travel_support_note" TEXT,
ADD COLUMN     "what_to_bring" TEXT;

-- A reimbursement "up to" names a positive amount; other kinds name none.
ALTER TABLE "training_calls" ADD CONSTRAINT "training_calls_travel_support_amount" CHECK (
  ("travel_support" = 'REIMBURSED_UP_TO' AND "travel_support_max_rupiah" >= 1)
  OR ("travel_support" IS DISTINCT FROM 'REIMBURSED_UP_TO' AND "travel_support_max_rupiah" IS NULL)
);
