import { defineConfig } from 'vitest/config';

export default defineConfig({
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
