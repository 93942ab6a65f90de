export declare const RELAY_ENTRY: string;
export declare const RELAY_OUTFILE: string;
/** Bundles relay/src/cli.ts (and the workspace packages) into `outfile`; returns its path. */
export declare function buildRelay(options?: { outfile?: string }): Promise<string>;
