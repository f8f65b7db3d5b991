-- AlterTable
ALTER TABLE "ServiceToken" ADD COLUMN     "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Every token issued so far was made for the daily usage job: it keeps that and only that.
UPDATE "ServiceToken" SET "scopes" = ARRAY['usage:write']::TEXT[];
