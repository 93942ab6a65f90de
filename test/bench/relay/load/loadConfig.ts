import { z } from 'zod';

/** Which client library (and so which wire protocol) the load speaks. */
export const ClientFamily = { yWebsocket: 'y-websocket', hocuspocus: 'hocuspocus' } as const;
export type ClientFamily = (typeof ClientFamily)[keyof typeof ClientFamily];

/** A full provider with its Y.Doc, or the lighter raw protocol client (load/rawClients.ts). */
export const ClientKind = { provider: 'provider', raw: 'raw' } as const;
export type ClientKind = (typeof ClientKind)[keyof typeof ClientKind];

/** One step of load, passed from the harness to the load process as JSON. */
export const LoadConfigSchema = z.object({
  family: z.enum([ClientFamily.yWebsocket, ClientFamily.hocuspocus]),
  /** y-websocket: the provider's serverUrl (room appended as a path); Hocuspocus: the socket URL. */
  url: z.string().regex(/^wss?:\/\//),
  /** Room i is `${roomPrefix}${i}`. */
  roomPrefix: z.string().min(1),
  rooms: z.number().int().min(1).max(20_000),
  /** Tokens sent as `?token=` (the Lianxin relay); one each for the writer and the two observers. */
  tokens: z.tuple([z.string(), z.string(), z.string()]).nullable(),
  /** The relay tells the writer when its update is stored; count those acknowledgements. */
  storedAcks: z.boolean(),
  writers: z.enum([ClientKind.provider, ClientKind.raw]),
  observers: z.enum([ClientKind.provider, ClientKind.raw]),
  hz: z.number().positive().max(1000),
  warmupMs: z.number().int().min(0),
  windowMs: z.number().int().min(100),
  /** Writes go on this long after the window so its last writes see the same load. */
  cooldownMs: z.number().int().min(0),
  /** After writing stops, how long observers may take before a write counts as lost. */
  drainMs: z.number().int().min(0),
  connectConcurrency: z.number().int().min(1),
  connectTimeoutMs: z.number().int().min(1000),
});
export type LoadConfig = z.infer<typeof LoadConfigSchema>;
