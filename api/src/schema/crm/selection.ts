/**
 * Which fields of a connection's nodes a request asks for (`edges { node { … } }`), fragments included: the CRM
 * reads only those columns. Type conditions and `@skip`/`@include` are not evaluated — a field they might leave
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

/** Per field of the document: a connection nested in a list is resolved once per parent, with the same nodes. */
const known = new WeakMap<FieldNode, Set<string>>();

/** The field names selected on the nodes of the connection being resolved. */
export function connectionNodeFields(info: GraphQLResolveInfo): Set<string> {
  const cached = known.get(info.fieldNodes[0]!);
  if (cached && info.fieldNodes.length === 1) return cached;
  const nodes = childrenNamed(info, childrenNamed(info, [...info.fieldNodes], 'edges'), 'node');
  const fields = new Set(nodes.flatMap((node) => fieldsOf(info, node.selectionSet)).map((field) => field.name.value));
  if (info.fieldNodes.length === 1) known.set(info.fieldNodes[0]!, fields);
  return fields;
}
