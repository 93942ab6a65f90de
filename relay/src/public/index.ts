// The public disclosure page and service boards (issue 5). Exports listed by name.
export { createPublicRoutes } from './publicRoutes';
export type { PublicRoutesOptions } from './publicRoutes';
export { mountPublicRoutes } from './mountPublicRoutes';
export { publicSourceFromDocuments } from './publicSourceFromDocuments';
export { createDocPublicSource, documentStateHash } from './docPublicSource';
export type { DocPublicSource } from './docPublicSource';
export type { PublicSource, PublicSnapshot } from './PublicSource';
export { PUBLIC_CSP, SECURITY_HEADERS } from './securityHeaders';
