/** Why a statement was not run: it is not one read-only SELECT of what it may read, or a parameter is wrong. */
export type StatementErrorReason = 'STATEMENT_REFUSED' | 'PARAMETERS';

/** A refused statement, in words; `refused` names what was refused (a keyword, a table, a function). */
export class StatementError extends Error {
  constructor(
    readonly reason: StatementErrorReason,
    message: string,
    readonly details: { refused?: string } = {},
  ) {
    super(message);
    this.name = 'StatementError';
  }
}
