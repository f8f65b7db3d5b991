import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

// Paths resolve from this file so `npm run codegen -w web` (cwd web/) and a root run agree.
const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Typed documents for the web app, generated from the checked-in `schema.graphql` (the API contract). */
const config: CodegenConfig = {
  schema: root('./schema.graphql'),
  documents: [root('./web/src/**/*.{ts,tsx}'), `!${root('./web/src/gql/**')}`],
  ignoreNoDocuments: true,
  generates: {
    [root('./web/src/gql/')]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // The API's custom scalars travel as JSON strings/values.
        scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown' },
      },
    },
    // Every enum of the schema, used by a document or not: `ErrorCode` (the codes of `extensions.code`) above all.
    [root('./web/src/gql/enums.ts')]: {
      plugins: ['typescript'],
      config: { onlyEnums: true, enumsAsTypes: true },
    },
    // Graphcache's schema awareness (interfaces like Node, which types have no identity of their own).
    [root('./web/src/gql/introspection.ts')]: {
      plugins: ['urql-introspection'],
      config: { module: 'es2015', useTypeImports: true },
    },
  },
};

export default config;
