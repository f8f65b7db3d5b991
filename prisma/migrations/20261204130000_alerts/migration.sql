-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('JOB_FAILURES', 'DAILY_DBU_OVER_BUDGET', 'SERVING_P95');

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('FIRING', 'RESOLVED');

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "windowSeconds" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "state" "AlertState" NOT NULL DEFAULT 'FIRING',
    "evidence" JSONB NOT NULL,
    "firedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertRule_customerId_kind_key" ON "AlertRule"("customerId", "kind");

-- CreateIndex
CREATE INDEX "Alert_customerId_state_firedAt_idx" ON "Alert"("customerId", "state", "firedAt");

-- At most one firing alert per customer and kind: two evaluators racing fire it once (not expressible in Prisma).
CREATE UNIQUE INDEX "Alert_one_firing_per_kind" ON "Alert"("customerId", "kind") WHERE "state" = 'FIRING';

-- AddForeignKey
ALTER TABLE "AlertRule" ADD CONSTRAINT "AlertRule_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
