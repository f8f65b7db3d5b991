import fc from 'fast-check';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type OperationTypeNode,
} from 'graphql';

/** One generated request: an operation over one root field, its variables, and who sends it. */
export interface FuzzOperation {
  kind: 'query' | 'mutation' | 'subscription';
  field: string;
  query: string;
  variables: Record<string, unknown>;
  /** Index into the callers given to `fuzzOperations` (a bearer token, or null for anonymous). */
  caller: number;
}

/** What an answer must never be: a 5xx, a body that is not GraphQL, an error without a code, or an internal error. */
export interface FuzzFailure {
  operation: FuzzOperation;
  problem: string;
}

export interface FuzzReport {
  operations: number;
  /** Operations answered without any error (they reached and passed the resolvers). */
  clean: number;
  byKind: Record<string, number>;
  /** Every `extensions.code` seen, with its count: the typed errors the fuzzer provoked. */
  codes: Record<string, number>;
  /** Distinct root fields exercised. */
  fields: number;
  failures: FuzzFailure[];
}

/** Values that tend to break things: NUL bytes, huge and non-finite numbers, prototype keys, long text. */
const NASTY_STRINGS = ['', ' ', '\u0000', 'a\u0000b', '__proto__', 'constructor', '%00', "'; DROP TABLE x; --", '💥'];

/**
 * Operations generated from the schema itself: every root field of Query, Mutation and Subscription can be
 * drawn, its arguments come from the argument types (well-formed, edge-case and wrong-type values, and the
 * given `ids` so that some calls reach real rows), and its selection walks the return type a few levels deep.
 */
export function operationArbitrary(
  schema: GraphQLSchema,
  options: { ids: readonly string[]; callers: number },
): fc.Arbitrary<FuzzOperation> {
  const roots = (['query', 'mutation', 'subscription'] as const).flatMap((kind) => {
    const type = schema.getRootType(kind as OperationTypeNode);
    return type ? Object.values(type.getFields()).map((field) => ({ kind, field })) : [];
  });
  return fc.gen().map((g) => {
    // Draw indexes, not schema objects: fast-check compares a builder's arguments, and types are cyclic.
    const pick = <T>(items: readonly T[]) => items[g(fc.nat, { max: items.length - 1 })]!;
    const { kind, field } = pick(roots);
    // Half the operations are well-formed, so they get past input checks into the resolvers; half are hostile.
    const hostile = g(fc.boolean);
    const declarations: string[] = [];
    const variables: Record<string, unknown> = {};
    const args = (target: GraphQLField<unknown, unknown>) => {
      const given = target.args.flatMap((arg) => {
        if (!isNonNullType(arg.type) && !g(fc.boolean)) return [];
        const name = `v${declarations.length}`;
        declarations.push(`$${name}: ${String(arg.type)}`);
        const value = g(() => inputValue(arg.type, options.ids, hostile, 0));
        if (value !== undefined) variables[name] = value;
        return [`${arg.name}: $${name}`];
      });
      return given.length ? `(${given.join(', ')})` : '';
    };
    const selection = (type: GraphQLOutputType, depth: number): string => {
      const named = getNamedType(type);
      if (isLeafType(named)) return '';
      if (isAbstractType(named)) {
        const possible = schema.getPossibleTypes(named);
        const chosen = pick(possible);
        return `{ __typename ... on ${chosen.name} ${selection(chosen, depth)} }`;
      }
      if (!isObjectType(named)) return '';
      const fields = Object.values(named.getFields()).filter(
        (candidate) => depth < 3 || isLeafType(getNamedType(candidate.type)),
      );
      if (fields.length === 0) return '{ __typename }';
      const picked = g(fc.subarray, [...fields.keys()], { minLength: 1, maxLength: Math.min(4, fields.length) }).map(
        (index) => fields[index]!,
      );
      return `{ ${picked.map((f) => `${f.name}${args(f)} ${selection(f.type, depth + 1)}`).join(' ')} }`;
    };
    const call = `${field.name}${args(field)} ${selection(field.type, 0)}`;
    const header = declarations.length ? `(${declarations.join(', ')})` : '';
    return {
      kind,
      field: field.name,
      query: `${kind} Fuzz${header} { ${call} }`,
      variables,
      caller: g(fc.nat, { max: options.callers - 1 }),
    };
  });
}

/** A value for an input type: mostly valid, sometimes null, sometimes of the wrong type (a coercion error). */
function inputValue(
  type: GraphQLInputType,
  ids: readonly string[],
  hostile: boolean,
  depth: number,
): fc.Arbitrary<unknown> {
  const inner = getNullableType(type) as GraphQLInputType;
  const valid = validValue(inner, ids, hostile, depth);
  const wrong = fc.constantFrom<unknown>({ nested: true }, [1, 2], 'not-a-number', 7);
  const nullable = isNonNullType(type) ? [] : [{ arbitrary: fc.constant(null), weight: 1 }];
  return fc.oneof({ arbitrary: valid, weight: 12 }, ...(hostile ? [{ arbitrary: wrong, weight: 1 }] : []), ...nullable);
}

function validValue(
  type: GraphQLInputType,
  ids: readonly string[],
  hostile: boolean,
  depth: number,
): fc.Arbitrary<unknown> {
  if (isListType(type)) return fc.array(inputValue(type.ofType, ids, hostile, depth + 1), { maxLength: 3 });
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return fc.constantFrom(...values, ...(hostile ? ['NOT_A_VALUE'] : []));
  }
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(type.getFields());
    const shape = Object.fromEntries(
      fields.map((field) => [field.name, inputValue(field.type, ids, hostile, depth + 1)]),
    );
    const requiredKeys = fields.filter((field) => isNonNullType(field.type)).map((field) => field.name);
    return fc.record(shape, { requiredKeys });
  }
  return scalarValue(getNamedType(type).name, ids, hostile);
}

function scalarValue(name: string, ids: readonly string[], hostile: boolean): fc.Arbitrary<unknown> {
  const text = hostile
    ? fc.oneof(
        { arbitrary: fc.string({ maxLength: 40 }), weight: 6 },
        { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 3 },
        { arbitrary: fc.constantFrom('x'.repeat(10_001), 'y'.repeat(5_000)), weight: 1 },
      )
    : fc.stringMatching(/^[A-Z][a-z]{2,12}( [a-z]{2,12}){0,3}$/);
  switch (name) {
    case 'ID':
      return fc.oneof(
        { arbitrary: fc.constantFrom(...ids), weight: hostile ? 4 : 30 },
        { arbitrary: fc.string({ maxLength: 12 }).map((s) => Buffer.from(`${s}:${s}`).toString('base64')), weight: 2 },
        { arbitrary: fc.constantFrom(Buffer.from('__proto__:x').toString('base64'), 'abc', '-1', ''), weight: 1 },
      );
    case 'String':
      return fc.oneof(
        { arbitrary: text, weight: 5 },
        { arbitrary: fc.constantFrom('abc', '-1', '0', '123', 'DBU', 'ACTIVE_USERS', 'bronze', 'a@b.test'), weight: 2 },
      );
    case 'Int':
      return fc.oneof(fc.integer({ min: -5, max: 50 }), fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31), 1e6));
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 1e308, 5e-324));
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.constantFrom('2026-01-05', '2025-12-31', '1900-01-01', '9999-12-31', '2026-02-30', 'yesterday');
    case 'DateTime':
      return fc.constantFrom('2026-01-05T10:00:00Z', '2026-13-01T00:00:00Z', '0000-01-01T00:00:00Z', 'now');
    case 'JSON':
      return fc.jsonValue({ maxDepth: 3 });
    default:
      return text;
  }
}

/** The operations of a seeded run: the same seed gives the same operations. */
export function fuzzOperations(
  schema: GraphQLSchema,
  options: { ids: readonly string[]; callers: number; seed: number; count: number },
): FuzzOperation[] {
  return fc.sample(operationArbitrary(schema, options), { seed: options.seed, numRuns: options.count });
}

/** Sends the operations `concurrency` at a time and checks every answer. */
export async function runFuzz(
  operations: FuzzOperation[],
  send: (operation: FuzzOperation) => Promise<{ status: number; body: string }>,
  concurrency = 4,
): Promise<FuzzReport> {
  const report: FuzzReport = { operations: 0, clean: 0, byKind: {}, codes: {}, fields: 0, failures: [] };
  const fields = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < operations.length) {
      const operation = operations[next++]!;
      report.operations++;
      report.byKind[operation.kind] = (report.byKind[operation.kind] ?? 0) + 1;
      fields.add(`${operation.kind}.${operation.field}`);
      const fail = (problem: string) => report.failures.push({ operation, problem });
      let answer: { status: number; body: string };
      try {
        answer = await send(operation);
      } catch (error) {
        fail(`the request failed: ${(error as Error).message}`);
        continue;
      }
      if (answer.status >= 500) fail(`HTTP ${answer.status}: ${answer.body.slice(0, 300)}`);
      const results = parseResults(answer.body);
      if (results.length > 0 && results.every((result) => result && !result.errors?.length)) report.clean++;
      for (const result of results) {
        if (!result) {
          fail(`not a GraphQL answer (HTTP ${answer.status}): ${answer.body.slice(0, 300)}`);
          continue;
        }
        for (const error of result.errors ?? []) {
          const code = error.extensions?.code;
          if (typeof code !== 'string') fail(`an error without a code: ${error.message}`);
          else report.codes[code] = (report.codes[code] ?? 0) + 1;
          if (code === 'INTERNAL_SERVER_ERROR') fail(`INTERNAL_SERVER_ERROR: ${JSON.stringify(error).slice(0, 400)}`);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  report.fields = fields.size;
  return report;
}

type GraphQLResult = { errors?: { message: string; extensions?: { code?: unknown } }[] } | null;

/** A JSON answer, or the `data:` events of a server-sent event stream (subscriptions). */
function parseResults(body: string): GraphQLResult[] {
  const events = body.includes('event:') || body.startsWith(':') ? body.split('\n\n') : [body];
  return events.flatMap((event) => {
    if (!event.trim() || /^event: complete/m.test(event)) return [];
    const data = event.startsWith('{')
      ? event
      : event
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5))
          .join('\n');
    if (!data.trim()) return [];
    try {
      const parsed = JSON.parse(data) as GraphQLResult;
      return [parsed && typeof parsed === 'object' ? parsed : null];
    } catch {
      return [null];
    }
  });
}

/**
 * Sends an operation over GraphQL-over-HTTP (subscriptions as server-sent events: the first event, or what
 * arrived within `subscriptionWindowMs`, is the answer; the stream is then closed).
 */
export function httpSender(
  fetchFn: (url: string, init: RequestInit) => Promise<Response>,
  url: string,
  tokens: readonly (string | null)[],
  subscriptionWindowMs = 1_500,
) {
  return async (operation: FuzzOperation) => {
    const controller = new AbortController();
    const token = tokens[operation.caller];
    const response = await fetchFn(url, {
      method: 'POST',
      signal: controller.signal,
      headers: {
        'content-type': 'application/json',
        accept: operation.kind === 'subscription' ? 'text/event-stream' : 'application/graphql-response+json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: operation.query, variables: operation.variables }),
    });
    if (operation.kind !== 'subscription' || !response.body)
      return { status: response.status, body: await response.text() };
    return { status: response.status, body: await firstEvent(response.body, controller, subscriptionWindowMs) };
  };
}

async function firstEvent(stream: ReadableStream<Uint8Array>, controller: AbortController, windowMs: number) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  // In process (yoga's fetch) aborting the request does not end its body: cancelling the reader does, as a
  // closing socket does over HTTP.
  const timer = setTimeout(() => {
    controller.abort();
    void reader.cancel().catch(() => {});
  }, windowMs);
  try {
    while (!/^data:.*\n\n/ms.test(text)) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // Aborted after the window: what arrived so far is the answer (keep-alives only, for a quiet subscription).
  } finally {
    clearTimeout(timer);
    controller.abort();
    void reader.cancel().catch(() => {});
  }
  return text;
}
