import { randomUUID } from 'node:crypto';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  key: string;
  cert: string;
}

/**
 * A fresh self-signed certificate for 127.0.0.1 and localhost. EC P-256 keys take milliseconds to make
 * (RSA takes a second or more), which keeps start-up and every test server fast. Each certificate gets its
 * own organization name: trust stores look issuers up by name, so two emulators' CAs trusted in one process
 * (NODE_EXTRA_CA_CERTS plus a per-client CA) must not share a subject.
 */
export async function generateTlsMaterial(): Promise<TlsMaterial> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const pems = await generate(
    [
      { name: 'commonName', value: 'localhost' },
      { name: 'organizationName', value: `CoP OS emulator ${randomUUID()}` },
    ],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate: new Date(notBeforeDate.getTime() + 365 * 24 * 3600_000),
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    },
  );
  return { key: pems.private, cert: pems.cert };
}
