import type { Store } from './Store';
import { runDirectoryContractTests } from './directoryContract';
import { runDocumentLogContractTests } from './documentLogContract';

/**
 * Both contracts for a store that opens its log and directory together (memory, SQLite,
 * Postgres). `makeStore` returns a fresh, empty store.
 */
export function runStoreContractTests(name: string, makeStore: () => Promise<Store> | Store): void {
  runDocumentLogContractTests(name, makeStore);
  runDirectoryContractTests(name, makeStore);
}
