import { createWriteStream } from 'node:fs';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { CsvError, parse } from 'csv-parse';
import { DatasetError } from './errors.js';

export interface CsvIntake {
  header: string[];
  rowCount: number;
  sizeBytes: number;
}

/**
 * Streams an uploaded CSV to `target` while checking it on the way: at most `maxBytes`, valid UTF-8, a header
 * of unique non-empty names, and every row as wide as the header. Chunks pass through as they arrive, so the
 * file is never held in memory. A problem is a `DatasetError` naming the line; the caller removes `target`.
 */
export async function takeInCsv(
  source: ReadableStream<Uint8Array>,
  target: string,
  maxBytes: number,
): Promise<CsvIntake> {
  let sizeBytes = 0;
  let lines = 1;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const checkBytes = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) {
        return done(new DatasetError('TOO_LARGE', `The file is larger than the ${maxBytes} bytes a dataset may have.`));
      }
      try {
        const text = decoder.decode(chunk, { stream: true });
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
      } catch {
        // The line of the first invalid byte: lines before it in this chunk, read leniently.
        const lenient = new TextDecoder('utf-8').decode(chunk);
        const line = lines + (lenient.slice(0, lenient.indexOf('\uFFFD')).match(/\n/g)?.length ?? 0);
        return done(new DatasetError('ENCODING', `Line ${line} is not valid UTF-8.`, { line }));
      }
      done(null, chunk);
    },
  });
  const file = createWriteStream(target);
  const copyToDisk: Transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (file.write(chunk)) done(null, chunk);
      else file.once('drain', () => done(null, chunk));
    },
    flush(done) {
      file.end(done);
    },
  });
  // A disk failure fails the intake (and is not left as an unhandled 'error' event).
  file.on('error', (error) => {
    if (!copyToDisk.destroyed) copyToDisk.destroy(error);
  });
  let header: string[] | undefined;
  let rowCount = 0;
  const checkRecords = new Writable({
    objectMode: true,
    write(record: string[], _encoding, done) {
      try {
        if (header) rowCount++;
        else header = checkedHeader(record);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(source as NodeReadableStream<Uint8Array>),
      checkBytes,
      copyToDisk,
      parse({ bom: true, skip_empty_lines: true }),
      checkRecords,
    );
  } catch (error) {
    file.destroy();
    throw asDatasetError(error);
  }
  if (!header) throw new DatasetError('EMPTY_FILE', 'Line 1: the file is empty.', { line: 1 });
  if (rowCount === 0) throw new DatasetError('EMPTY_FILE', 'Line 2: the file has a header but no rows.', { line: 2 });
  return { header, rowCount, sizeBytes };
}

/** Column names must be usable as Delta columns: present and unique (Databricks compares them case-blind). */
function checkedHeader(record: string[]): string[] {
  const names = record.map((name) => name.trim());
  const empty = names.indexOf('');
  if (empty !== -1) throw new DatasetError('BAD_HEADER', `Line 1: column ${empty + 1} has no name.`, { line: 1 });
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name.toLowerCase())) {
      throw new DatasetError('BAD_HEADER', `Line 1: the column name "${name}" appears twice.`, { line: 1 });
    }
    seen.add(name.toLowerCase());
  }
  return names;
}

function asDatasetError(error: unknown): unknown {
  if (!(error instanceof CsvError)) return error;
  const line = (error as CsvError & { lines?: number }).lines;
  if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    return new DatasetError('RAGGED_ROW', `Line ${line}: the row does not have as many fields as the header.`, {
      line,
    });
  }
  return new DatasetError('MALFORMED_CSV', `Line ${line}: ${error.message}`, { line });
}
