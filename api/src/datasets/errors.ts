/** Why a dataset operation was refused; each is BAD_USER_INPUT but for TOO_LARGE (PAYLOAD_TOO_LARGE). */
export type DatasetErrorReason =
  | 'EMPTY_FILE'
  | 'TOO_LARGE'
  | 'ENCODING'
  | 'RAGGED_ROW'
  | 'MALFORMED_CSV'
  | 'BAD_HEADER'
  | 'UNREADABLE';

/** A refused upload or query, in words; `line` is the CSV line (1 = the header) where the problem is. */
export class DatasetError extends Error {
  constructor(
    readonly reason: DatasetErrorReason,
    message: string,
    readonly details: { line?: number } = {},
  ) {
    super(message);
    this.name = 'DatasetError';
  }
}
