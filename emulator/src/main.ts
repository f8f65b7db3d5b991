/** `npm start -w emulator`: runs the emulator standalone until interrupted. */
import { startEmulator } from './app.js';

const emulator = await startEmulator();
// Uptime covers module loading too: the whole start-up a user waits for.
console.log(`Started in ${Math.round(process.uptime() * 1000)} ms`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    emulator.close().then(() => process.exit(0));
  });
}
