import { createMemoryStore } from './memoryStore';
import { runStoreContractTests } from './storeContract';

runStoreContractTests('memory', () => createMemoryStore());
