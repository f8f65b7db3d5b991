/**
 * The Databricks statements that load files from volumes, in DuckDB terms: `CREATE VOLUME` / `DROP VOLUME`
 * act on the volume store, `read_files('/Volumes/…', format => 'csv', header => true)` becomes DuckDB's
 * reader over the file on disk, and `COPY INTO <table> FROM '/Volumes/…' FILEFORMAT = CSV …` an
 * `INSERT … BY NAME` from that reader.
 */
import type { VolumeStore } from '../volumes/store.js';

const name = String.raw`(?:\x60[^\x60]+\x60|"[^"]+"|\w+)`;
const volumeName = new RegExp(
  String.raw`^\s*(create|drop)\s+volume\s+(if\s+(?:not\s+)?exists\s+)?(${name})\.(${name})\.(${name})(?=\s|$)`,
  'i',
);
const literal = String.raw`'((?:[^']|'')*)'`;
const readFiles = new RegExp(
  String.raw`\bread_files\s*\(\s*${literal}((?:\s*,\s*\w+\s*=>\s*(?:'(?:[^']|'')*'|\w+))*)\s*\)`,
  'gi',
);
const copyInto = new RegExp(
  String.raw`^\s*copy\s+into\s+([\w.\x60"]+)\s+from\s+${literal}\s+fileformat\s*=\s*(\w+)(?:\s+format_options\s*\(([^)]*)\))?(?:\s+copy_options\s*\([^)]*\))?\s*$`,
  'is',
);

const unquote = (identifier: string) => identifier.replace(/^[\x60"]|[\x60"]$/g, '');
const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;
const literalText = (text: string) => text.replaceAll("''", "'");

/** `key => value` (read_files) or `'key' = 'value'` (FORMAT_OPTIONS) pairs, keys lower-cased. */
function options(text: string, separator: '=>' | '='): Map<string, string> {
  const pairs = new Map<string, string>();
  const pattern = separator === '=>' ? /(\w+)\s*=>\s*('(?:[^']|'')*'|\w+)/g : /'(\w+)'\s*=\s*('(?:[^']|'')*'|\w+)/g;
  for (const [, key, value] of text.matchAll(pattern))
    pairs.set(key.toLowerCase(), literalText(value.replace(/^'|'$/g, '')));
  return pairs;
}

/** DuckDB's reader call for a file format and Databricks' reader options. */
function reader(file: string, format: string, given: Map<string, string>): string {
  const kind = format.toLowerCase();
  if (kind === 'parquet') return `read_parquet(${sqlString(file)})`;
  if (kind === 'json') return `read_json_auto(${sqlString(file)})`;
  if (kind !== 'csv') throw new Error(`[UNSUPPORTED_FILE_FORMAT] ${format} is not supported by this warehouse`);
  const header = (given.get('header') ?? 'false').toLowerCase() === 'true';
  const delimiter = given.get('sep') ?? given.get('delimiter');
  return `read_csv(${sqlString(file)}, header = ${header}${delimiter ? `, delim = ${sqlString(delimiter)}` : ''})`;
}

/** The statements to run for one Databricks statement that touches volumes; undefined when it does not. */
export function volumeStatements(sql: string, volumes: VolumeStore): string[] | undefined {
  const volume = volumeName.exec(sql);
  if (volume) {
    const [, verb, guard, catalog, schema, volumeId] = volume;
    const parts = [catalog, schema, volumeId].map(unquote) as [string, string, string];
    if (verb.toLowerCase() === 'create') volumes.create(...parts, Boolean(guard));
    else volumes.drop(...parts, Boolean(guard));
    return [];
  }
  const copy = copyInto.exec(sql);
  if (copy) {
    const [, table, path, format, formatOptions] = copy;
    const source = reader(volumes.localPath(literalText(path)), format, options(formatOptions ?? '', '='));
    return [`INSERT INTO ${table} BY NAME SELECT * FROM ${source}`];
  }
  if (!/\bread_files\s*\(/i.test(sql)) return undefined;
  return [
    sql.replace(readFiles, (_match, path: string, rest: string) => {
      const given = options(rest, '=>');
      return reader(volumes.localPath(literalText(path)), given.get('format') ?? 'csv', given);
    }),
  ];
}
