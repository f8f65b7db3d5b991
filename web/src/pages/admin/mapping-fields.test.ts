import { CombinedError } from '@urql/solid';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { apiFieldProblems } from './api-field-problems';
import { type MappingFields, validateMapping } from './mapping-fields';

const valid: MappingFields = {
  workspaceName: 'Northwind prod',
  workspaceUrl: 'https://adb-123.4.azuredatabricks.net',
  workspaceId: '1234567890',
  copId: '',
  defaultCatalog: '',
  defaultSchema: '',
};

describe('validateMapping', () => {
  it('accepts a complete mapping without defaults', () => {
    expect(validateMapping(valid)).toEqual({});
  });

  it('names each field the api would reject', () => {
    const problems = validateMapping({
      ...valid,
      workspaceName: 'x',
      workspaceUrl: 'http://adb-1.azuredatabricks.net',
      workspaceId: 'adb-1',
      defaultCatalog: 'main catalog',
    });
    expect(Object.keys(problems).sort()).toEqual(['defaultCatalog', 'workspaceId', 'workspaceName', 'workspaceUrl']);
  });
});

describe('apiFieldProblems', () => {
  it('puts the api message on the input field it names', () => {
    const error = new CombinedError({
      graphQLErrors: [
        new GraphQLError('The CoP belongs to another customer than the integration.', {
          extensions: { code: 'BAD_USER_INPUT', fields: ['copId'] },
        }),
      ],
    });
    expect(apiFieldProblems(error, valid)).toEqual({
      copId: 'The CoP belongs to another customer than the integration.',
    });
  });
});
