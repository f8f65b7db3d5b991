-- AlterTable
ALTER TABLE "JobRun" ADD COLUMN "compute" JSONB;
