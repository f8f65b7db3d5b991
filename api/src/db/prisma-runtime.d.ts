// The one part of Prisma's Wasm query-compiler runtime the api touches (see query-plan-cache.ts); it ships untyped.
declare module '@prisma/client/runtime/query_compiler_bg.postgresql.mjs' {
  export class QueryCompiler {
    compile(query: string): unknown;
  }
}
