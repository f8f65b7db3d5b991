import { GraphQLError, GraphQLScalarType } from 'graphql';
import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { builder } from './builder.js';

/** JSON inputs (metadata, links, parameters…) stay small documents, not a way to store megabytes in a row. */
export const MAX_JSON_CHARACTERS = 32_768;
const MAX_JSON_DEPTH = 16;

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('Date', DateResolver);
builder.addScalarType(
  'JSON',
  new GraphQLScalarType({
    ...JSONResolver.toConfig(),
    description:
      `Any JSON value. As an input it may nest at most ${MAX_JSON_DEPTH} levels and be at most ` +
      `${MAX_JSON_CHARACTERS} characters long once serialised.`,
    parseValue: (value) => bounded(JSONResolver.parseValue(value)),
    parseLiteral: (ast, variables) => bounded(JSONResolver.parseLiteral(ast, variables)),
  }),
);

builder.scalarType('File', {
  description: 'A file sent by the GraphQL multipart request spec (input only).',
  serialize: () => {
    throw new GraphQLError('File is an input-only scalar.');
  },
  parseValue: (value) => {
    if (value instanceof File) return value;
    throw new GraphQLError('Expected a file part of a multipart request.');
  },
});

builder.queryType({});
builder.mutationType({});

function bounded(value: unknown): unknown {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.depth > MAX_JSON_DEPTH) throw new GraphQLError(`JSON may nest at most ${MAX_JSON_DEPTH} levels deep.`);
    if (next.value && typeof next.value === 'object') {
      for (const inner of Object.values(next.value)) stack.push({ value: inner, depth: next.depth + 1 });
    }
  }
  if ((JSON.stringify(value) ?? '').length > MAX_JSON_CHARACTERS) {
    throw new GraphQLError(`JSON may be at most ${MAX_JSON_CHARACTERS} characters long.`);
  }
  return value;
}
