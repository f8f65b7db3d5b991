/**
 * The notebooks a fresh emulated workspace holds: the PetInsure360 medallion pipeline the pipeline runner
 * triggers (each ends with `dbutils.notebook.exit` carrying `records_processed`, the output the Jobs
 * service reports through runs/get-output) and the CoP OS daily usage-collection job that pushes
 * system-table metrics to the gateway.
 */
import type { NotebookLanguage } from './notebook-formats.js';
import { joinCells } from './notebook-formats.js';

export interface SeedNotebook {
  path: string;
  language: NotebookLanguage;
  content: string;
}

const python = (path: string, cells: string[]): SeedNotebook => ({
  path,
  language: 'PYTHON',
  content: joinCells('PYTHON', cells),
});

const bronze = python('/PetInsure360/01_bronze_ingestion', [
  `# MAGIC %md
# MAGIC # Bronze: ingest raw PetInsure360 files
# MAGIC Loads customers, policies and claims from the landing volume into bronze Delta tables as-is.`,
  `import json
from pyspark.sql import functions as F

dbutils.widgets.text("catalog", "petinsure360")
dbutils.widgets.text("landing_path", "/Volumes/petinsure360/landing/raw")
catalog = dbutils.widgets.get("catalog")
landing_path = dbutils.widgets.get("landing_path")`,
  `records_processed = 0
for entity in ["customers", "policies", "claims"]:
    df = (spark.read.option("header", True).csv(f"{landing_path}/{entity}/")
          .withColumn("_ingested_at", F.current_timestamp())
          .withColumn("_source_file", F.col("_metadata.file_path")))
    df.write.mode("append").saveAsTable(f"{catalog}.bronze.{entity}")
    records_processed += df.count()`,
  `dbutils.notebook.exit(json.dumps({"records_processed": records_processed, "layer": "bronze"}))`,
]);

const silver = python('/PetInsure360/02_silver_transformations', [
  `# MAGIC %md
# MAGIC # Silver: clean, deduplicate and conform
# MAGIC Types columns, drops duplicate claims and joins claims to their policies.`,
  `import json
from pyspark.sql import functions as F

dbutils.widgets.text("catalog", "petinsure360")
catalog = dbutils.widgets.get("catalog")
claims = spark.table(f"{catalog}.bronze.claims").dropDuplicates(["claim_id"])
policies = spark.table(f"{catalog}.bronze.policies").dropDuplicates(["policy_id"])`,
  `silver_claims = (claims
    .withColumn("claim_amount", F.col("claim_amount").cast("decimal(12,2)"))
    .withColumn("claim_date", F.to_date("claim_date"))
    .filter(F.col("claim_amount") > 0)
    .join(policies.select("policy_id", "customer_id", "pet_type", "plan"), "policy_id", "left"))
silver_claims.write.mode("overwrite").saveAsTable(f"{catalog}.silver.claims")
records_processed = spark.table(f"{catalog}.silver.claims").count()`,
  `dbutils.notebook.exit(json.dumps({"records_processed": records_processed, "layer": "silver"}))`,
]);

const gold = python('/PetInsure360/03_gold_aggregations', [
  `# MAGIC %md
# MAGIC # Gold: business aggregates
# MAGIC Claims by month, plan and pet type for the PetInsure360 dashboards.`,
  `import json
from pyspark.sql import functions as F

dbutils.widgets.text("catalog", "petinsure360")
catalog = dbutils.widgets.get("catalog")
claims = spark.table(f"{catalog}.silver.claims")
monthly = (claims
    .groupBy(F.date_trunc("month", "claim_date").alias("month"), "plan", "pet_type")
    .agg(F.count("*").alias("claims"), F.sum("claim_amount").alias("claim_amount"),
         F.avg("claim_amount").alias("avg_claim_amount")))
monthly.write.mode("overwrite").saveAsTable(f"{catalog}.gold.claims_monthly")
records_processed = spark.table(f"{catalog}.gold.claims_monthly").count()`,
  `dbutils.notebook.exit(json.dumps({"records_processed": records_processed, "layer": "gold"}))`,
]);

const dailyUsageCollection = python('/CoPOS/daily_usage_collection', [
  `# MAGIC %md
# MAGIC # CoP OS: daily usage collection
# MAGIC Reads yesterday's platform usage from system tables and pushes it to the CoP OS gateway
# MAGIC (POST /api/v1/integrations/databricks/usage, idempotent per CoP, metric and date).`,
  `import json
import datetime
import requests

dbutils.widgets.text("gateway_url", "https://cop-os.example.com")
dbutils.widgets.text("customer_id", "")
dbutils.widgets.text("cop_id", "")
gateway_url = dbutils.widgets.get("gateway_url").rstrip("/")
customer_id = dbutils.widgets.get("customer_id")
cop_id = dbutils.widgets.get("cop_id") or None
token = dbutils.secrets.get(scope="cop-os", key="service-token")
workspace_id = str(spark.conf.get("spark.databricks.workspaceId", ""))
metric_date = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()`,
  `def scalar(sql):
    return spark.sql(sql, args={"d": metric_date}).collect()[0][0] or 0

metrics = [
    {"name": "DBU", "value": float(scalar("SELECT SUM(usage_quantity) FROM system.billing.usage WHERE usage_date = :d"))},
    {"name": "ACTIVE_USERS", "value": scalar("SELECT COUNT(DISTINCT user_identity.email) FROM system.access.audit WHERE event_date = :d")},
    {"name": "JOBS_RUN", "value": scalar("SELECT COUNT(DISTINCT run_id) FROM system.lakeflow.job_run_timeline WHERE DATE(period_start_time) = :d")},
    {"name": "QUERIES_EXECUTED", "value": scalar("SELECT COUNT(*) FROM system.query.history WHERE DATE(start_time) = :d")},
    {"name": "MODEL_REQUESTS", "value": scalar("SELECT COUNT(*) FROM system.serving.endpoint_usage WHERE DATE(request_time) = :d")},
]`,
  `payload = {"customerId": customer_id, "workspaceId": workspace_id, "metricDate": metric_date, "metrics": metrics}
if cop_id:
    payload["copId"] = cop_id
response = requests.post(f"{gateway_url}/api/v1/integrations/databricks/usage", json=payload,
                         headers={"Authorization": f"Bearer {token}"}, timeout=30)
response.raise_for_status()`,
  `dbutils.notebook.exit(json.dumps({"records_processed": len(metrics), "metric_date": metric_date}))`,
]);

export const SEED_NOTEBOOKS: SeedNotebook[] = [bronze, silver, gold, dailyUsageCollection];
