-- KPI provenance, per-member activity (for computed MAP), per-integration usage collection settings and the inputs of
-- cached AI answers.

CREATE TYPE "KpiSource" AS ENUM ('MANUAL', 'COMPUTED', 'PLATFORM_SYNC', 'USAGE_REPORT');

CREATE TYPE "ActivityKind" AS ENUM ('EVENT_ATTENDANCE', 'CONTENT_VIEW');

ALTER TABLE "KpiMetric" ADD COLUMN "source" "KpiSource" NOT NULL DEFAULT 'MANUAL';

-- Values the platform sync wrote say so in their metadata.
UPDATE "KpiMetric" SET "source" = 'PLATFORM_SYNC' WHERE "metadata"->>'source' = 'system-tables';

-- MAP and NPS the demo seed invented (they disagreed with the CoPs' own surveys) give way to computed ones: the api
-- computes the last 90 days when it starts. Its invented platform usage is overwritten by the usage sync's catch-up.
DELETE FROM "KpiMetric" WHERE "metadata"->>'source' = 'demo-seed' AND "metricName" IN ('MAP', 'NPS');

ALTER TABLE "Integration" ADD COLUMN "usageCollection" JSONB;

ALTER TABLE "AiSummary" ADD COLUMN "inputs" JSONB;

CREATE TABLE "MemberActivity" (
    "id" TEXT NOT NULL,
    "copId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "entityId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberActivity_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "MemberActivity_kind_entityId_userId_day_key" ON "MemberActivity"("kind", "entityId", "userId", "day");

CREATE INDEX "MemberActivity_copId_day_idx" ON "MemberActivity"("copId", "day");

ALTER TABLE "MemberActivity" ADD CONSTRAINT "MemberActivity_copId_fkey" FOREIGN KEY ("copId") REFERENCES "Cop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "MemberActivity" ADD CONSTRAINT "MemberActivity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
