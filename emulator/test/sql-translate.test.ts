import { describe, expect, it } from 'vitest';
import { markParameters, parameterValue } from '../src/sql/parameters.js';
import { splitStatements, translateStatement } from '../src/sql/translate.js';

describe('Databricks SQL dialect translation', () => {
  it('leaves a quoted schema named main alone', () => {
    expect(translateStatement('SELECT * FROM `crm`.`main`.`accounts`')).toEqual([
      'SELECT * FROM "crm"."main"."accounts"',
    ]);
  });

  it('maps the system and main catalogs but not inside literals or deeper names', () => {
    expect(translateStatement("SELECT 'system.x', a.system.b FROM system.billing.usage JOIN `main`.default.t")).toEqual(
      [`SELECT 'system.x', a.system.b FROM databricks_system.billing.usage JOIN "databricks_main".default.t`],
    );
  });

  it('strips USING DELTA and TBLPROPERTIES and moves table and column comments to COMMENT ON', () => {
    expect(
      translateStatement(
        "CREATE TABLE c.s.t (id BIGINT COMMENT 'key', amount DECIMAL(10,2), comment STRING) USING DELTA PARTITIONED BY (id) COMMENT 'Accounts' TBLPROPERTIES ('a' = 'b')",
      ),
    ).toEqual([
      'CREATE TABLE c.s.t (id BIGINT  , amount DECIMAL(10,2), comment STRING)',
      "COMMENT ON COLUMN c.s.t.id IS 'key'",
      "COMMENT ON TABLE c.s.t IS 'Accounts'",
    ]);
  });

  it('turns CREATE CATALOG into an attached database with a default schema', () => {
    expect(translateStatement('CREATE CATALOG IF NOT EXISTS tenant_x')).toEqual([
      "ATTACH IF NOT EXISTS ':memory:' AS tenant_x",
      'CREATE SCHEMA IF NOT EXISTS tenant_x.default',
    ]);
  });

  it('rewrites angle-bracket types and two-argument date arithmetic', () => {
    expect(translateStatement('CREATE TABLE t (m MAP<STRING, INT>, a ARRAY<STRING>)')).toEqual([
      'CREATE TABLE t (m MAP(STRING, INT), a STRING[])',
    ]);
    expect(translateStatement('SELECT date_sub(current_date(), 7)')).toEqual([
      'SELECT dbx_date_sub(current_date(), 7)',
    ]);
  });

  it('reads from_json with an ARRAY schema as a cast of JSON, and explode as unnest; literals elsewhere stay', () => {
    expect(
      translateStatement("SELECT x FROM t WHERE k IN (SELECT explode(from_json(:keys, 'ARRAY<STRING>')))"),
    ).toEqual(['SELECT x FROM t WHERE k IN (SELECT unnest(CAST(CAST(:keys AS JSON) AS STRING[])))']);
    expect(
      translateStatement(
        "SELECT r.`a` FROM (SELECT explode(from_json(:rows, 'ARRAY<STRUCT<a: STRING, `date`: DATE>>')) AS r)",
      ),
    ).toEqual([
      'SELECT r."a" FROM (SELECT unnest(CAST(CAST(:rows AS JSON) AS STRUCT("a" STRING, "date" DATE)[])) AS r)',
    ]);
    expect(translateStatement("SELECT 'from_json(:keys, ', 'ARRAY<STRING>')")).toEqual([
      "SELECT 'from_json(:keys, ', 'ARRAY<STRING>')",
    ]);
  });

  it('splits scripts on semicolons outside literals', () => {
    expect(splitStatements("SELECT ';'; SELECT 2;")).toEqual(["SELECT ';'", 'SELECT 2']);
  });
});

describe('named parameters', () => {
  it('replaces :name markers of known parameters but not casts or literals', () => {
    expect(markParameters("SELECT x::INT, ':start', y FROM t WHERE d >= :start AND e = :other", { start: '1' })).toBe(
      "SELECT x::INT, ':start', y FROM t WHERE d >= $start AND e = :other",
    );
  });

  it('binds date- and timestamp-shaped strings as DATE and TIMESTAMP, integers as BIGINT', () => {
    expect(parameterValue('2024-03-01').type?.toString()).toBe('DATE');
    expect(parameterValue('2024-03-01T10:00:00Z').type?.toString()).toBe('TIMESTAMP');
    expect(parameterValue('gold').type).toBeUndefined();
    expect(parameterValue(7).value).toBe(7n);
  });
});
