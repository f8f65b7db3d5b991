import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values.js';

/** One top-level field of an operation, with its arguments as the resolver receives them. */
export interface RootFieldCall {
  /** The key under `data` (the alias when there is one). */
  responseKey: string;
  field: GraphQLField<unknown, unknown>;
  /** Inline literals and variables alike, coerced to the argument types (defaults applied). */
  args: Record<string, unknown>;
}

/**
 * The root fields an operation calls, read from the schema rather than from variable names, so that inline
 * arguments, variables and fragments all look the same. Returns null when the variables do not coerce (the
 * executor answers that error itself).
 */
export function rootFieldCalls(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
): { operation: OperationDefinitionNode; calls: RootFieldCall[] } | null {
  const operation = getOperationAST(document, operationName);
  const rootType = operation && schema.getRootType(operation.operation);
  if (!operation || !rootType) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return null;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const calls = fieldNodes(operation.selectionSet, fragments, new Set()).flatMap((node) => {
    const field = (rootType as GraphQLObjectType).getFields()[node.name.value];
    if (!field) return [];
    const args = getArgumentValues(field, node, coerced.coerced);
    return [{ responseKey: node.alias?.value ?? node.name.value, field, args }];
  });
  return { operation, calls };
}

/** The fields of a selection set with fragments spread in (each fragment once, so cycles end). */
function fieldNodes(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldNodes(selection.selectionSet, fragments, seen);
    const fragment = fragments[selection.name.value];
    if (!fragment || seen.has(fragment.name.value)) return [];
    seen.add(fragment.name.value);
    return fieldNodes(fragment.selectionSet, fragments, seen);
  });
}
