// The generated Prisma client (and Pothos' Prisma types) in api/src/generated/, never stale: `npm install` runs this
// (root `postinstall`: dependency install scripts are disabled, so Prisma's own never runs), `npm start` checks it.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const schemaFile = `${root}prisma/schema.prisma`;
const generatedDir = `${root}api/src/generated`;
// What the client was generated from: a different schema or Prisma version means it is stale.
const stampFile = `${generatedDir}/.generated-from`;

function sourceStamp(): string {
  const prismaVersion = JSON.parse(readFileSync(`${root}node_modules/prisma/package.json`, 'utf8')).version;
  return createHash('sha256').update(prismaVersion).update(readFileSync(schemaFile)).digest('hex');
}

export function isPrismaClientFresh(): boolean {
  return (
    existsSync(`${generatedDir}/prisma/client.ts`) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === sourceStamp()
  );
}

export async function generatePrismaClient(): Promise<void> {
  await promisify(execFile)(process.execPath, [`${root}node_modules/prisma/build/index.js`, 'generate'], {
    cwd: root,
    // `generate` reads no database, but prisma.config.ts wants a URL to be set.
    env: {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL || 'postgresql://localhost/generate-needs-no-database',
    },
  });
  writeFileSync(stampFile, sourceStamp());
}

/** Generates the client when it is missing or stale; true when it did. */
export async function ensurePrismaClient(): Promise<boolean> {
  if (isPrismaClientFresh()) return false;
  await generatePrismaClient();
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await generatePrismaClient();
  console.log('Generated the Prisma client and Pothos types in api/src/generated/');
}
