-- CreateTable
CREATE TABLE "TenantCatalog" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "servicePrincipalId" TEXT NOT NULL,
    "servicePrincipalToken" TEXT NOT NULL,
    "initializedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TenantCatalog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TenantCatalog_customerId_key" ON "TenantCatalog"("customerId");

-- CreateIndex
CREATE INDEX "TenantCatalog_integrationId_idx" ON "TenantCatalog"("integrationId");

-- AddForeignKey
ALTER TABLE "TenantCatalog" ADD CONSTRAINT "TenantCatalog_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantCatalog" ADD CONSTRAINT "TenantCatalog_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
