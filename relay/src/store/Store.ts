import type { Directory } from './Directory';
import type { DocumentLog, StoreKind } from './DocumentLog';

export * from './Directory';
export * from './DocumentLog';

/**
 * A document log and a directory opened together on one database: what `relay serve` opens
 * (memory, one SQLite file, or one Postgres database). Code that needs only one side takes
 * `DocumentLog` (rooms, compaction, the write batcher) or `Directory` (auth, the API).
 */
export interface Store extends DocumentLog, Directory {
  readonly kind: StoreKind;
}
