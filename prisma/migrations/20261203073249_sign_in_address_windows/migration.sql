-- Sign-in attempts per client address, in fixed one-minute windows (see apps/api/src/auth.ts).
-- CreateTable
CREATE TABLE "sign_in_address_windows" (
    "address" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL CHECK ("attempts" > 0),

    CONSTRAINT "sign_in_address_windows_pkey" PRIMARY KEY ("address")
);
