-- AlterTable
ALTER TABLE "JobRun" ADD COLUMN     "expectedDurationMs" INTEGER,
ADD COLUMN     "notebookPath" TEXT;

