-- A customer's monthly Databricks budget in list-price USD (at most one per customer).
CREATE TABLE "CustomerBudget" (
    "customerId" TEXT NOT NULL,
    "monthlyUsd" DECIMAL(14,2) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerBudget_pkey" PRIMARY KEY ("customerId")
);

ALTER TABLE "CustomerBudget" ADD CONSTRAINT "CustomerBudget_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
