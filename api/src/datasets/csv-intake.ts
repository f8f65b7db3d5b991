import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { CsvError, parse } from 'csv-parse';
import { DatasetError } from './errors.js';

export interface CsvIntake {
  sizeBytes: number;
}

/**
 * Streams an uploaded CSV to `target` while checking its bytes on the way: at most `maxBytes` and valid UTF-8
 * (the line of the first bad byte is named); then its header: unique non-empty names. Chunks pass through as
 * they arrive, so the file is never held in memory. The records themselves are checked by DuckDB as it
 * converts the file (an order of magnitude faster than a JavaScript parser), and `findCsvProblem` names the
 * line when it refuses one. A problem is a `DatasetError`; the caller removes `target`.
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
        decoder.decode(chunk, { stream: true });
      } catch {
        // The line of the first invalid byte: lines before it in this chunk, read leniently.
        const lenient = new TextDecoder('utf-8').decode(chunk);
        const line = lines + (lenient.slice(0, lenient.indexOf('\uFFFD')).match(/\n/g)?.length ?? 0);
        return done(new DatasetError('ENCODING', `Line ${line} is not valid UTF-8.`, { line }));
      }
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      done(null, chunk);
    },
  });
  const file = createWriteStream(target);
  try {
    await pipeline(Readable.fromWeb(source as NodeReadableStream<Uint8Array>), checkBytes, file);
  } catch (error) {
    file.destroy();
    throw error;
  }
  const header = await readHeader(target);
  if (!header) throw new DatasetError('EMPTY_FILE', 'Line 1: the file is empty.', { line: 1 });
  checkHeader(header);
  return { sizeBytes };
}

/** The first record of a CSV file, or undefined when it has none; only as much of the file as it spans is read. */
async function readHeader(path: string): Promise<string[] | undefined> {
  const input = createReadStream(path);
  try {
    // Leaving the loop after the first record stops the parser and the read.
    for await (const record of input.pipe(parse({ bom: true, skip_empty_lines: true }))) return record as string[];
    return undefined;
  } catch (error) {
    throw asDatasetError(error);
  } finally {
    input.destroy();
  }
}

/**
 * Reads a whole CSV file with a strict RFC 4180 parser and throws the first problem as a `DatasetError` naming
 * its line (a ragged row, a broken quote), or returns when it finds none: the slow path, taken only for a file
 * the fast converter refused, so that the refusal says where.
 */
export async function findCsvProblem(path: string): Promise<void> {
  try {
    await pipeline(
      createReadStream(path),
      parse({ bom: true, skip_empty_lines: true }),
      new Writable({ objectMode: true, write: (_record, _encoding, done) => done() }),
    );
  } catch (error) {
    throw asDatasetError(error);
  }
}

/** Column names must be usable as Delta columns: present and unique (Databricks compares them case-blind). */
function checkHeader(record: string[]): void {
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
