import { GraphQLError } from 'graphql';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { DatabricksError } from '../src/databricks/errors.js';
import { createMaskError, yogaLogger } from '../src/plugins/mask-errors.js';
import { UsageAttributionError } from '../src/usage/errors.js';

/** What graphql-js hands the masking for an error a resolver threw at `cop.platformUsage`. */
const thrownAtField = (original: Error) =>
  new GraphQLError(original.message, { path: ['cop', 'platformUsage'], originalError: original });

describe('error masking', () => {
  const internal = new Error('connect ECONNREFUSED 127.0.0.1:5432 at /srv/api/src/db/prisma.ts:12');

  it('hides an unexpected error’s message, stack and paths by default', () => {
    const masked = createMaskError(false)(thrownAtField(internal), 'Unexpected error.') as GraphQLError;
    expect(masked.message).toBe('Unexpected error.');
    expect(masked.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(masked.toJSON())).not.toMatch(/ECONNREFUSED|prisma\.ts|originalError/);
  });

  it('shows them only when debugging (DEBUG_ERRORS=1)', () => {
    const debugged = createMaskError(true)(thrownAtField(internal), 'Unexpected error.') as GraphQLError;
    expect(debugged.extensions.originalError).toMatchObject({ message: internal.message });
  });

  it('translates the services’ errors into the vocabulary at the field that threw them', () => {
    const mask = createMaskError(false);
    const limited = mask(
      thrownAtField(new DatabricksError('RATE_LIMITED', 'Slow down.', { retryAfterMs: 2000 })),
      'Unexpected error.',
    ) as GraphQLError;
    expect(limited.toJSON()).toMatchObject({
      message: 'Slow down.',
      path: ['cop', 'platformUsage'],
      extensions: { code: 'DATABRICKS_RATE_LIMITED', retryAfterMs: 2000 },
    });
    const unmapped = mask(
      thrownAtField(new UsageAttributionError('WORKSPACE_NOT_MAPPED', 'Workspace 7 is not mapped.')),
      'Unexpected error.',
    ) as GraphQLError;
    expect(unmapped.extensions).toEqual({ code: 'NOT_FOUND', reason: 'WORKSPACE_NOT_MAPPED' });
  });
});

describe("yoga's logger", () => {
  const lines: { level: number; msg: string; code?: string }[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const logger = yogaLogger(log, createMaskError(false));

  it('logs a described refusal at info with its code, and only what is masked at error level', () => {
    logger.error(thrownAtField(new DatabricksError('RATE_LIMITED', 'Slow down.', { retryAfterMs: 2000 })));
    logger.error(thrownAtField(new Error('connect ECONNREFUSED 127.0.0.1:5432')));
    logger.debug('Request aborted');
    expect(lines.map(({ level, msg, code }) => ({ level, msg, code }))).toEqual([
      { level: 30, msg: 'refused: Slow down.', code: 'DATABRICKS_RATE_LIMITED' },
      { level: 50, msg: 'unexpected error', code: undefined },
      { level: 20, msg: undefined, code: undefined },
    ]);
  });
});
