-- CreateEnum
CREATE TYPE "NotebookLanguage" AS ENUM ('PYTHON', 'SQL', 'SCALA', 'R');

-- CreateTable
CREATE TABLE "Notebook" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "workspaceMappingId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "language" "NotebookLanguage" NOT NULL,
    "cells" JSONB NOT NULL DEFAULT '[]',
    "createdById" TEXT,
    "syncStatus" "SyncStatus" NOT NULL DEFAULT 'PENDING',
    "syncError" TEXT,
    "syncAttempts" INTEGER NOT NULL DEFAULT 0,
    "syncNextAttemptAt" TIMESTAMP(3),
    "syncedAt" TIMESTAMP(3),
    "remotePath" TEXT NOT NULL,
    "remoteObjectId" BIGINT,
    "remoteModifiedAt" BIGINT,
    "contentVersion" INTEGER NOT NULL DEFAULT 1,
    "syncedVersion" INTEGER NOT NULL DEFAULT 0,
    "contentModifiedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Notebook_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notebook_customerId_createdAt_idx" ON "Notebook"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "Notebook_syncStatus_syncNextAttemptAt_idx" ON "Notebook"("syncStatus", "syncNextAttemptAt");

-- CreateIndex
CREATE INDEX "Notebook_workspaceMappingId_idx" ON "Notebook"("workspaceMappingId");

-- AddForeignKey
ALTER TABLE "Notebook" ADD CONSTRAINT "Notebook_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notebook" ADD CONSTRAINT "Notebook_workspaceMappingId_fkey" FOREIGN KEY ("workspaceMappingId") REFERENCES "WorkspaceMapping"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notebook" ADD CONSTRAINT "Notebook_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
