import { z } from 'zod';

const scope = {
  /** Only requests whose path starts with this are affected (all when omitted). */
  pathPrefix: z.string().startsWith('/').optional(),
  /** Affect only the next N matching requests. */
  count: z.number().int().positive().optional(),
  /** Affect each matching request with this probability (seeded). */
  ratio: z.number().min(0).max(1).optional(),
};

export const faultRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), ms: z.number().int().nonnegative(), ...scope }),
  z.object({
    kind: z.literal('error'),
    status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]),
    /** Sent as `Retry-After` (seconds); defaults to 1 for 429. */
    retryAfterSeconds: z.number().int().nonnegative().optional(),
    errorCode: z.string().optional(),
    message: z.string().optional(),
    ...scope,
  }),
  z.object({ kind: z.literal('drop'), ...scope }),
  z.object({ kind: z.literal('hang'), ...scope }),
  z.object({
    kind: z.literal('rateLimit'),
    /** Sustained requests per second per token; bursts up to the same number are allowed. */
    requestsPerSecond: z.number().positive(),
    pathPrefix: scope.pathPrefix,
  }),
]);

export type FaultRule = z.infer<typeof faultRuleSchema>;

/** The admin body: one rule, or `{ rules: [...] }`. */
export const faultRequestSchema = z.union([z.object({ rules: z.array(faultRuleSchema) }), faultRuleSchema]);
