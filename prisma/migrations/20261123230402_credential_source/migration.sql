-- AlterTable
ALTER TABLE "credentials" ADD COLUMN     "source" JSONB NOT NULL,
ADD COLUMN     "suspension_reason" TEXT,
ALTER COLUMN "suspension_list_id" DROP NOT NULL;
