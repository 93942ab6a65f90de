import { createContext } from 'react';
import type { ClientSession } from './ClientSession';

export const SessionContext = createContext<ClientSession | null>(null);
