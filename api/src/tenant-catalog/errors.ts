/** Why a tenant catalog operation cannot go ahead. */
export type TenantCatalogErrorReason = 'NO_WORKSPACE' | 'NOT_INITIALIZED' | 'SERVICE_PRINCIPAL';

export class TenantCatalogError extends Error {
  constructor(
    readonly reason: TenantCatalogErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'TenantCatalogError';
  }
}
