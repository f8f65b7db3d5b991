import type { KeyingConfig } from '@urql/exchange-graphcache';
import type { IntrospectionQuery } from 'graphql';

/**
 * Keys for Graphcache: Relay nodes are normalized by their global `id` (the default), while object types
 * without an `id` (connections, edges, page info, payloads, series) have no identity of their own and are
 * embedded in their parent. Derived from the schema so a new type needs no change here.
 */
export function embeddedTypeKeys(introspection: IntrospectionQuery): KeyingConfig {
  const { queryType, mutationType, subscriptionType, types } = introspection.__schema;
  const rootNames = new Set([queryType?.name, mutationType?.name, subscriptionType?.name]);
  const keys: KeyingConfig = {};
  for (const type of types) {
    if (type.kind !== 'OBJECT' || rootNames.has(type.name) || type.name.startsWith('__')) continue;
    if (!type.fields.some((field) => field.name === 'id')) keys[type.name] = () => null;
  }
  return keys;
}
