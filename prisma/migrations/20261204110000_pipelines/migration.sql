-- CreateTable
CREATE TABLE "Pipeline" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "workspaceMappingId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tasks" JSONB NOT NULL DEFAULT '[]',
    "scheduleCron" TEXT,
    "scheduleTimezone" TEXT,
    "schedulePaused" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "syncStatus" "SyncStatus" NOT NULL DEFAULT 'PENDING',
    "syncError" TEXT,
    "syncAttempts" INTEGER NOT NULL DEFAULT 0,
    "syncNextAttemptAt" TIMESTAMP(3),
    "syncedAt" TIMESTAMP(3),
    "remote" JSONB NOT NULL DEFAULT '{}',
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pipeline_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Pipeline_customerId_createdAt_idx" ON "Pipeline"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "Pipeline_syncStatus_syncNextAttemptAt_idx" ON "Pipeline"("syncStatus", "syncNextAttemptAt");

-- AddForeignKey
ALTER TABLE "Pipeline" ADD CONSTRAINT "Pipeline_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pipeline" ADD CONSTRAINT "Pipeline_workspaceMappingId_fkey" FOREIGN KEY ("workspaceMappingId") REFERENCES "WorkspaceMapping"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pipeline" ADD CONSTRAINT "Pipeline_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
