/**
 * Which fields of an object (or of a connection's nodes, `edges { node { … } }` or `nodes { … }`) a request asks for, fragments
 * included: the CRM reads only those columns. Type conditions and `@skip`/`@include` are not evaluated — a field they might leave
 * out is read anyway, which costs a column, never a wrong answer.
 */
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

function fieldsOf(info: GraphQLResolveInfo, selectionSet: SelectionSetNode | undefined): FieldNode[] {
  if (!selectionSet) return [];
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === 'Field') return [selection];
    if (selection.kind === 'InlineFragment') return fieldsOf(info, selection.selectionSet);
    return fieldsOf(info, info.fragments[selection.name.value]?.selectionSet);
  });
}

const childrenNamed = (info: GraphQLResolveInfo, parents: FieldNode[], name: string) =>
  parents.flatMap((parent) => fieldsOf(info, parent.selectionSet)).filter((field) => field.name.value === name);

/** Per field of the document: a field nested in a list is resolved once per parent, with the same selection. */
const known = new WeakMap<FieldNode, Set<string>>();

function cachedFields(info: GraphQLResolveInfo, selected: (fields: FieldNode[]) => FieldNode[]): Set<string> {
  const single = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  const cached = single && known.get(single);
  if (cached) return cached;
  const fields = new Set(selected([...info.fieldNodes]).map((field) => field.name.value));
  if (single) known.set(single, fields);
  return fields;
}

/** The field names selected on the object being resolved. */
export const selectedFields = (info: GraphQLResolveInfo): Set<string> =>
  cachedFields(info, (fields) => fields.flatMap((field) => fieldsOf(info, field.selectionSet)));

/** The `node` (under `edges`) and `nodes` fields of connection fields. */
const nodesOf = (info: GraphQLResolveInfo, connections: FieldNode[]) => [
  ...childrenNamed(info, childrenNamed(info, connections, 'edges'), 'node'),
  ...childrenNamed(info, connections, 'nodes'),
];

/** The field names selected on the nodes of the connection being resolved (`edges { node }` and `nodes`). */
export const connectionNodeFields = (info: GraphQLResolveInfo): Set<string> =>
  cachedFields(info, (fields) => nodesOf(info, fields).flatMap((node) => fieldsOf(info, node.selectionSet)));

/**
 * Under the nodes of the connection being resolved, the connection fields called `name`, one entry per response
 * key (as GraphQL merges them), each with the field names its nodes select: what those fields' resolvers will
 * find with `connectionNodeFields`.
 */
export function nestedConnectionNodeFields(info: GraphQLResolveInfo, name: string): Set<string>[] {
  const byKey = new Map<string, FieldNode[]>();
  for (const node of nodesOf(info, [...info.fieldNodes])) {
    for (const field of childrenNamed(info, [node], name)) {
      const key = field.alias?.value ?? name;
      byKey.set(key, [...(byKey.get(key) ?? []), field]);
    }
  }
  return [...byKey.values()].map(
    (fields) =>
      new Set(nodesOf(info, fields).flatMap((node) => fieldsOf(info, node.selectionSet).map((f) => f.name.value))),
  );
}
