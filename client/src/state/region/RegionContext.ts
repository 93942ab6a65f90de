import { createContext } from 'react';
import type { RegionSession } from '@lianxin/sync';
import type { Account } from '../Account';

/** The open township or county as the region hooks see it: its account and its session. */
export interface RegionClient {
  readonly account: Account;
  readonly session: RegionSession;
}

export const RegionContext = createContext<RegionClient | null>(null);
