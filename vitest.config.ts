import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['api', 'emulator', 'web'],
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, every file in turn.
    // Most test time is spent waiting (Postgres, the emulator's emulated seconds, timers), so three workers
    // overlap that waiting on two cores; more would starve the tests that hold leases or time a child process.
    maxWorkers: 3,
  },
});
