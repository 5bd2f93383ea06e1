-- CreateTable
CREATE TABLE "sign_in_throttles" (
    "subject" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "last_failure_at" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY ("subject")
);

-- Invariants the database enforces whatever code writes (Prisma's schema language has no CHECK).
ALTER TABLE "sign_in_throttles" ADD CONSTRAINT "sign_in_throttles_failures_positive" CHECK ("failures" >= 1);
