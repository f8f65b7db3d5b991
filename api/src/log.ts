import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

/**
 * The process logger: JSON lines (for log shippers and tests), or pino-pretty in development on a terminal.
 * pino-pretty is a dev dependency, so production images never load it.
 */
export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'NODE_ENV'>): Logger {
  const pretty = config.NODE_ENV === 'development' && process.stdout.isTTY;
  return pino({
    level: config.LOG_LEVEL,
    ...(pretty && {
      transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } },
    }),
  });
}
