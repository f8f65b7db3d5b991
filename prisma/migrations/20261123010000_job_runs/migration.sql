-- CreateEnum
CREATE TYPE "PipelineLayer" AS ENUM ('BRONZE', 'SILVER', 'GOLD', 'ALL');

-- CreateEnum
CREATE TYPE "JobRunKind" AS ENUM ('PIPELINE', 'JOB', 'NOTEBOOK');

-- CreateEnum
CREATE TYPE "RunEventType" AS ENUM ('RUN_STARTED', 'RUN_PROGRESS', 'RUN_COMPLETED', 'RUN_FAILED', 'RUN_CANCELED');

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "copId" TEXT,
    "workspaceMappingId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "kind" "JobRunKind" NOT NULL,
    "layer" "PipelineLayer",
    "databricksJobId" TEXT,
    "databricksRunId" TEXT,
    "idempotencyToken" TEXT NOT NULL,
    "parameters" JSONB NOT NULL DEFAULT '{}',
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "resultState" TEXT,
    "stateMessage" TEXT,
    "tasks" JSONB NOT NULL DEFAULT '[]',
    "runPageUrl" TEXT,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "durationMs" INTEGER,
    "recordsProcessed" INTEGER,
    "errorMessage" TEXT,
    "triggeredById" TEXT,
    "retryOfId" TEXT,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "isTerminal" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunEvent" (
    "id" TEXT NOT NULL,
    "jobRunId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" "RunEventType" NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WatchLease" (
    "integrationId" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WatchLease_pkey" PRIMARY KEY ("integrationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_idempotencyToken_key" ON "JobRun"("idempotencyToken");

-- CreateIndex
CREATE INDEX "JobRun_integrationId_isTerminal_idx" ON "JobRun"("integrationId", "isTerminal");

-- CreateIndex
CREATE INDEX "JobRun_copId_createdAt_idx" ON "JobRun"("copId", "createdAt");

-- CreateIndex
CREATE INDEX "JobRun_customerId_createdAt_idx" ON "JobRun"("customerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RunEvent_jobRunId_seq_key" ON "RunEvent"("jobRunId", "seq");

-- AddForeignKey
ALTER TABLE "JobRun" ADD CONSTRAINT "JobRun_copId_fkey" FOREIGN KEY ("copId") REFERENCES "Cop"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobRun" ADD CONSTRAINT "JobRun_workspaceMappingId_fkey" FOREIGN KEY ("workspaceMappingId") REFERENCES "WorkspaceMapping"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunEvent" ADD CONSTRAINT "RunEvent_jobRunId_fkey" FOREIGN KEY ("jobRunId") REFERENCES "JobRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

