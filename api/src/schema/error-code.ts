import { ERROR_CODES, type ErrorCode } from '../errors.js';
import { builder } from './builder.js';

// Published so that clients branch on `extensions.code` with a generated type instead of a copied list.
builder.enumType('ErrorCode', {
  description:
    'What went wrong, in `extensions.code` of a GraphQL error. A code outside this list (INTERNAL_SERVER_ERROR, ' +
    'GRAPHQL_VALIDATION_FAILED, …) means an unexpected failure or a malformed request.',
  values: Object.fromEntries(
    Object.entries(ERROR_CODES).map(([code, description]) => [code, { description }]),
  ) as Record<ErrorCode, { description: string }>,
});
