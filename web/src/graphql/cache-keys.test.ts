import { describe, expect, it } from 'vitest';
import schema from '../gql/introspection';
import { embeddedTypeKeys } from './cache-keys';

describe('embeddedTypeKeys', () => {
  const keys = embeddedTypeKeys(schema);

  it('embeds types that have no id of their own', () => {
    for (const typename of ['QueryCopsConnection', 'QueryCopsConnectionEdge', 'PageInfo', 'Viewer', 'SignInPayload']) {
      expect(keys[typename]?.({ __typename: typename })).toBeNull();
    }
  });

  it('leaves Relay nodes and root types to the default id keying', () => {
    for (const typename of ['Cop', 'Customer', 'User', 'Membership', 'Query', 'Mutation']) {
      expect(keys[typename]).toBeUndefined();
    }
  });
});
