import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export class AlreadyRunningError extends Error {}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One `npm start` per checkout: a second one would share `.data/postgres` with the first. The lock is a pid file;
 * one left by a process that died is taken over. Returns the release function.
 */
export function acquireInstanceLock(file: string): () => void {
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
        throw new AlreadyRunningError(
          `CoP OS is already running from this checkout (npm start, pid ${holder}); stop it first (Ctrl-C in its terminal).`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new AlreadyRunningError(`Could not take the start lock ${file}`);
}
