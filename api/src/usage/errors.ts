/** Why a report could not be attributed to any CoP; nothing was written. */
export class UsageAttributionError extends Error {
  constructor(
    readonly reason: 'COP_NOT_FOUND' | 'WORKSPACE_NOT_MAPPED' | 'NO_ACTIVE_COPS',
    message: string,
  ) {
    super(message);
    this.name = 'UsageAttributionError';
  }
}

/** The viewer may not report usage for that customer; nothing was written. */
export class UsageAccessError extends Error {
  constructor(message = 'That customer belongs to another tenant.') {
    super(message);
    this.name = 'UsageAccessError';
  }
}
