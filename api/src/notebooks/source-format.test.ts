import { describe, expect, it } from 'vitest';
import { fromSourceFormat, toSourceFormat } from './source-format.js';

const cells = [{ source: 'import json\nx = 1' }, { source: '# MAGIC %md\n# MAGIC # Title' }, { source: 'print(x)' }];

describe('the SOURCE format', () => {
  it('writes the header and separators as comments of the language, and reads the cells back', () => {
    const text = toSourceFormat('PYTHON', cells);
    expect(text).toBe(
      '# Databricks notebook source\nimport json\nx = 1\n\n# COMMAND ----------\n\n# MAGIC %md\n# MAGIC # Title\n\n# COMMAND ----------\n\nprint(x)',
    );
    expect(fromSourceFormat('PYTHON', text)).toEqual(cells);
    const sql = toSourceFormat('SQL', [{ source: 'SELECT 1' }, { source: 'SELECT 2' }]);
    expect(sql).toBe('-- Databricks notebook source\nSELECT 1\n\n-- COMMAND ----------\n\nSELECT 2');
    expect(fromSourceFormat('SQL', sql)).toEqual([{ source: 'SELECT 1' }, { source: 'SELECT 2' }]);
    expect(fromSourceFormat('SCALA', toSourceFormat('SCALA', cells))).toEqual(cells);
  });

  it('reads text other tools wrote: CRLF, no header, extra blank lines around separators', () => {
    expect(
      fromSourceFormat('R', '# Databricks notebook source\r\na <- 1\r\n\r\n\r\n# COMMAND ----------\r\nb <- 2\r\n'),
    ).toEqual([{ source: 'a <- 1' }, { source: 'b <- 2' }]);
    expect(fromSourceFormat('PYTHON', 'print(1)')).toEqual([{ source: 'print(1)' }]);
  });
});
