// The stable read functions the snapshot stores are keyed by: one module-level function per
// document, so every hook and action shares one snapshot per change.
import type * as Y from 'yjs';
import { readPublic, readRoster, readSettings, readWork, type CommunitySettings, type PublicRead, type RosterRead, type WorkRead } from '@lianxin/model';

export const readRosterDoc = (doc: Y.Doc): RosterRead => readRoster(doc);
export const readWorkDoc = (doc: Y.Doc): WorkRead => readWork(doc);
export const readPublicDoc = (doc: Y.Doc): PublicRead => readPublic(doc);
/** Only the roster's settings: cheap, for what needs the time zone and not 3,600 households. */
export const readRosterSettingsDoc = (doc: Y.Doc): CommunitySettings => readSettings(doc, []);
