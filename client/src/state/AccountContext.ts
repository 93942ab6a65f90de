import { createContext } from 'react';
import type { Account } from './Account';

/**
 * The account a community page is opened with: known from the device's accounts before the
 * session (and @lianxin/sync, Dexie, Yjs) is loaded, so a page that starts from a kept view
 * renders without waiting for them. `SessionContext` carries the session once it is open.
 */
export const AccountContext = createContext<Account | null>(null);
