/**
 * The warehouse's HiveServer2 endpoint (`POST /sql/1.0/warehouses/<id>`): Thrift binary protocol over
 * buffered HTTP bodies, served by the TCLIService processor generated for the official driver.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import thrift from 'thrift';
import type { SqlEngine } from '../contracts.js';
import { sendApiError } from '../http/errors.js';
import { DatabricksApiError, type RawHandler } from '../http/types.js';
import { TCLIService } from './generated.js';
import { createHiveService } from './operations.js';

/** `isWarehouse(id)` says whether a warehouse exists: another id answers HTTP 404, as Databricks does. */
export function createThriftHandler(engine: SqlEngine, isWarehouse: (id: string) => boolean): RawHandler {
  const hive = createHiveService(engine);
  return (req: IncomingMessage, res: ServerResponse, principal) => {
    // A processor per request (cheap): its statements run as the request's caller.
    const processor = new TCLIService.Processor(hive.as(principal.userName));
    const id = decodeURIComponent(new URL(req.url ?? '/', 'https://emulator.local').pathname.split('/').pop() ?? '');
    if (!isWarehouse(id)) {
      req.resume();
      return sendApiError(
        res,
        new DatabricksApiError(404, 'RESOURCE_DOES_NOT_EXIST', `Warehouse ${id} does not exist.`),
      );
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const receive = thrift.TBufferedTransport.receiver((transport) => {
        const input = new thrift.TBinaryProtocol(transport);
        const output = new thrift.TBinaryProtocol(
          new thrift.TBufferedTransport(undefined, (reply?: Buffer) => {
            res.writeHead(200, { 'content-type': 'application/x-thrift' });
            res.end(reply);
          }),
        );
        try {
          processor.process(input, output);
        } catch (err) {
          res.writeHead(400, { 'content-type': 'text/plain' });
          res.end(`Malformed Thrift request: ${(err as Error).message}`);
        }
      }, 0);
      receive(Buffer.concat(chunks));
    });
  };
}
