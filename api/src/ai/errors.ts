/** Why an AI feature could not produce an answer; the schema maps each to a typed GraphQL error. */
export class AiError extends Error {
  constructor(
    readonly reason: 'BAD_RESPONSE' | 'NO_DATABRICKS_INTEGRATION',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AiError';
  }
}
