import type { InputFieldBuilder } from '@pothos/core';
import type { builder } from './builder.js';

/** The `t` of an input type's fields, for helpers that define fields shared by a create and an update input. */
export type InputFields = InputFieldBuilder<typeof builder.$inferSchemaTypes, 'InputObject'>;

/**
 * GraphQL hands omitted optional input fields over as undefined but explicit nulls as null;
 * Prisma reads null as "clear the column". Patches drop nulls so that null means "leave as is".
 */
export function withoutNulls<T extends Record<string, unknown>>(input: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null)) as never;
}
