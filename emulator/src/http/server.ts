import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createRequestListener, type PipelineParts } from './pipeline.js';
import { generateTlsMaterial, type TlsMaterial } from './tls.js';

export interface HttpsServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** The certificate to serve; default: one generated for this start. */
  tls?: TlsMaterial;
}

export interface RunningHttpsServer {
  url: string;
  port: number;
  /** The self-signed certificate clients must trust. */
  caPem: string;
  /** The certificate and key served, so another listener can present the same one. */
  tls: TlsMaterial;
  close(): Promise<void>;
}

/** Serves the pipeline over HTTPS with the given certificate, or one generated for this start. */
export async function startHttpsServer(parts: PipelineParts, options: HttpsServerOptions): Promise<RunningHttpsServer> {
  const tls = options.tls ?? (await generateTlsMaterial());
  const host = options.host ?? '127.0.0.1';
  const server = createServer({ key: tls.key, cert: tls.cert }, createRequestListener(parts));
  // Long-polling clients (statement waits, hung-request faults) must not be cut by Node's default timeouts.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://${host}:${port}`,
    port,
    caPem: tls.cert,
    tls,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
