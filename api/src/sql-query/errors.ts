/** A `sqlQuery` the viewer's role may not run: a schema or catalog outside what it may read. */
export class SqlQueryAccessError extends Error {
  constructor(
    message: string,
    readonly refused: string,
  ) {
    super(message);
    this.name = 'SqlQueryAccessError';
  }
}
