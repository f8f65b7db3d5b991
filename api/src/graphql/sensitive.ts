import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  getNullableType,
  isInputObjectType,
  isListType,
} from 'graphql';

/**
 * Schema extensions that mark where secrets travel: put `extensions: SENSITIVE` on an input type, an input
 * field or an argument, and every log of that position (the audit log) shows `[redacted]` instead of the value.
 */
export const SENSITIVE = { sensitive: true } as const;
export const REDACTED = '[redacted]';

const isSensitive = (element: { extensions?: Record<string, unknown> | null }) =>
  element.extensions?.sensitive === true;

/** The arguments of a field call with every value in a sensitive position replaced by `[redacted]`. */
export function redactArguments(
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    field.args
      .filter((arg) => args[arg.name] !== undefined)
      .map((arg) => [arg.name, redactValue(arg, arg.type, args[arg.name])]),
  );
}

function redactValue(position: GraphQLArgument | GraphQLInputField, type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  // An uploaded file is logged as what it was, never as its bytes.
  if (value instanceof File) return { file: value.name, type: value.type, size: value.size };
  const inner = getNullableType(type);
  if (isSensitive(position) || (isInputObjectType(inner) && isSensitive(inner))) return REDACTED;
  if (isListType(inner) && Array.isArray(value)) return value.map((item) => redactValue(position, inner.ofType, item));
  if (isInputObjectType(inner) && typeof value === 'object') {
    const fields = inner.getFields();
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([name, fieldValue]) => {
        const inputField = fields[name];
        return [name, inputField ? redactValue(inputField, inputField.type, fieldValue) : REDACTED];
      }),
    );
  }
  return value;
}
