/** Why a CRM read or write was refused; nothing was written. */
export class CrmError extends Error {
  constructor(
    readonly kind: 'NOT_FOUND' | 'BAD_INPUT' | 'CONFLICT' | 'FORBIDDEN',
    message: string,
    /** Extra facts for the client: the field at fault, or the current row of a stale write. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CrmError';
  }
}
