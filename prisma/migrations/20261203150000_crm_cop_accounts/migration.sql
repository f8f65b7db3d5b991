-- CRM: the accounts a CoP serves (the accounts themselves live in the customer's warehouse).
CREATE TABLE "CopCrmAccount" (
    "id" TEXT NOT NULL,
    "copId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "bsnid" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CopCrmAccount_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "CopCrmAccount_copId_scope_bsnid_key" ON "CopCrmAccount"("copId", "scope", "bsnid");
CREATE INDEX "CopCrmAccount_scope_bsnid_idx" ON "CopCrmAccount"("scope", "bsnid");

ALTER TABLE "CopCrmAccount" ADD CONSTRAINT "CopCrmAccount_copId_fkey" FOREIGN KEY ("copId") REFERENCES "Cop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
