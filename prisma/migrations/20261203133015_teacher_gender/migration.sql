-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE');

-- AlterTable
ALTER TABLE "teacher_profiles" ADD COLUMN     "gender" "Gender";
