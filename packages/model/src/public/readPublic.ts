import type * as Y from 'yjs';
import { DocKind } from '@lianxin/protocol';
import { invalidEntry, type Problem } from '../core/problem';
import { parseStored, readEntries } from '../core/readEntries';
import { topMap } from '../core/ydoc';
import { PublicLayout } from './publicLayout';
import {
  PublicBoardSchema,
  PublicCommunitySchema,
  PublicResolutionSchema,
  PublicResultSchema,
  PublicStatisticsSchema,
  type PublicBoard,
  type PublicDisclosure,
  type PublicView,
} from './publicSchema';
import { compareZhNumeric } from '../core/zhCollator';


export interface PublicRead {
  readonly view: PublicView;
  readonly problems: Problem[];
}

/**
 * Reads the `public` document. Never throws: a hostile or broken entry is left out of the view
 * and listed in `problems` (the page may show nothing of it; logs may).
 */
export function readPublic(doc: Y.Doc): PublicRead {
  const problems: Problem[] = [];
  const kind = DocKind.public;

  const communityMap = topMap(doc, kind, PublicLayout.community, problems);
  let community: PublicView['community'] = null;
  const rawInfo = communityMap?.get('info');
  if (rawInfo !== undefined) {
    const parsed = parseStored(PublicCommunitySchema, rawInfo);
    if (parsed.ok) community = parsed.value;
    else problems.push(invalidEntry(kind, `${PublicLayout.community}/info`, parsed.why));
  }

  const resolutions = new Map(readEntries(topMap(doc, kind, PublicLayout.resolutions, problems), kind, PublicLayout.resolutions, PublicResolutionSchema, problems, 'matterId'));
  const results = new Map(readEntries(topMap(doc, kind, PublicLayout.results, problems), kind, PublicLayout.results, PublicResultSchema, problems, 'matterId'));
  const disclosures: PublicDisclosure[] = [];
  for (const id of new Set([...resolutions.keys(), ...results.keys()])) {
    const resolution = resolutions.get(id) ?? null;
    const result = results.get(id) ?? null;
    disclosures.push({
      matterId: id,
      title: resolution?.title ?? result?.title ?? '',
      resolution,
      result,
      publishedAt: Math.max(resolution?.publishedAt ?? 0, result?.publishedAt ?? 0),
    });
  }
  disclosures.sort((a, b) => b.publishedAt - a.publishedAt || a.matterId.localeCompare(b.matterId));

  const boards: PublicBoard[] = readEntries(topMap(doc, kind, PublicLayout.boards, problems), kind, PublicLayout.boards, PublicBoardSchema, problems, 'buildingId').map(([, b]) => b);
  boards.sort((a, b) => a.order - b.order || compareZhNumeric(a.grid?.label ?? '', b.grid?.label ?? '') || compareZhNumeric(a.label, b.label) || a.buildingId.localeCompare(b.buildingId));

  const statsMap = topMap(doc, kind, PublicLayout.statistics, problems);
  let statistics: PublicView['statistics'] = null;
  const rawStats = statsMap?.get('current');
  if (rawStats !== undefined) {
    const parsed = parseStored(PublicStatisticsSchema, rawStats);
    if (parsed.ok) statistics = parsed.value;
    else problems.push(invalidEntry(kind, `${PublicLayout.statistics}/current`, parsed.why));
  }

  return { view: { community, disclosures, boards, statistics }, problems };
}
