import { CombinedError } from '@urql/solid';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { describeError, errorCodes } from './describe-error';

const graphQLError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });

describe('describeError', () => {
  it('words typed codes for the user instead of showing the raw code', () => {
    const described = describeError(graphQLError('Cop was not found.', { code: 'NOT_FOUND' }));
    expect(described).toMatchObject({ code: 'NOT_FOUND', title: 'Not found' });
    expect(described.message).toMatch(/does not exist/);
  });

  it('keeps the api message and rejected fields of input errors', () => {
    const described = describeError(
      graphQLError('Enter a valid email address.', { code: 'BAD_USER_INPUT', fields: ['email'] }),
    );
    expect(described).toMatchObject({ message: 'Enter a valid email address.', fields: ['email'] });
  });

  it('explains a Databricks outage as such', () => {
    expect(describeError(graphQLError('upstream 503', { code: 'DATABRICKS_UNAVAILABLE' })).title).toBe(
      'Databricks is unreachable',
    );
  });

  it('reports a failed connection as a network problem', () => {
    const described = describeError(new CombinedError({ networkError: new TypeError('Failed to fetch') }));
    expect(described.code).toBe('NETWORK');
  });

  it('falls back to a generic wording for codes it does not know', () => {
    expect(describeError(graphQLError('boom', { code: 'INTERNAL_SERVER_ERROR' })).code).toBe('UNKNOWN');
  });

  it('lists every code of a response', () => {
    const error = new CombinedError({
      graphQLErrors: [
        new GraphQLError('a', { extensions: { code: 'FORBIDDEN' } }),
        new GraphQLError('b', { extensions: { code: 'UNAUTHENTICATED' } }),
      ],
    });
    expect(errorCodes(error)).toEqual(['FORBIDDEN', 'UNAUTHENTICATED']);
  });
});
