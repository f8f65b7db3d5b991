import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node (and so every dependency) loads graphql's CommonJS build; Vite would hand our own files its ESM build,
    // and two graphql instances cannot share a schema. One instance, as in production.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    name: 'api',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Each file gets its own database (copied from a migrated template) and its own view of the emulator,
    // so files run in parallel.
    setupFiles: ['test/support/file-setup.ts'],
    // A worker imports the app (Prisma client, Pothos schema, yoga) once for all the files it runs, not once
    // per file: that import costs more CPU than most files' tests. Files share no state but the database
    // rows they make (their own tenants) and module caches.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
