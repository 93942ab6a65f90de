// `@lianxin/sync/peek`: what the page's boot script reads before the app's code loads. Bare
// IndexedDB only (no Dexie, Yjs or zod), so the inline script stays small.
export { peekAccounts, type PeekedAccounts } from './peekAccounts';
export { peekDocViews, type PeekDocInput } from './peekDocViews';
