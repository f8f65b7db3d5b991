import type { NotebookLanguage, SyncStatus } from '../../gql/graphql';

/** Roles the api lets create, change, sync, delete and execute notebooks. */
export const NOTEBOOK_WRITERS: ReadonlySet<string> = new Set(['ADMIN', 'CUSTOMER_ADMIN', 'DATA_ENGINEER']);
/** Roles that read cells and runs (members see the metadata only). */
export const NOTEBOOK_READERS: ReadonlySet<string> = new Set([...NOTEBOOK_WRITERS, 'ANALYST']);

export const NOTEBOOK_LANGUAGES: NotebookLanguage[] = ['PYTHON', 'SQL', 'SCALA', 'R'];

/** Statuses still on their way to Databricks: the page looks again while one shows. */
export const SETTLING: ReadonlySet<SyncStatus> = new Set(['PENDING', 'LOCAL_ONLY']);
