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

builder.addScalarType(
  'File',
  new GraphQLScalarType<File, never>({
    name: 'File',
    description: 'A file sent as a part of a GraphQL multipart request (the request spec for uploads).',
    serialize: () => {
      throw new GraphQLError('A File is an input only.');
    },
    parseValue: (value) => {
      if (value && typeof value === 'object' && typeof (value as File).text === 'function') return value as File;
      throw new GraphQLError('Expected a file of a multipart request.');
    },
  }),
);

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
