/**
 * URLs and in-page anchors of the public pages. Community ids, building ids and unit ids are
 * validated names ([a-z0-9-], [A-Za-z0-9_-]); they are encoded anyway.
 */
import { Lang } from './dictionary';

/** The unit key of a building's households recorded without a unit: not a valid id, so no clash. */
export const NO_UNIT_KEY = '~';

export const BoardSize = { a4: 'a4', a5: 'a5' } as const;
export type BoardSize = (typeof BoardSize)[keyof typeof BoardSize];

export function parseBoardSize(value: string | undefined): BoardSize {
  return value === BoardSize.a5 ? BoardSize.a5 : BoardSize.a4;
}

export function unitKey(unitId: string | null): string {
  return unitId ?? NO_UNIT_KEY;
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, v);
  const text = search.toString();
  return text ? `?${text}` : '';
}

function langParam(lang: Lang): string | undefined {
  return lang === Lang.en ? Lang.en : undefined;
}

export function pagePath(communityId: string, lang: Lang, building?: string): string {
  return `/p/${encodeURIComponent(communityId)}${query({ lang: langParam(lang), building })}`;
}

export function boardPath(communityId: string, buildingId: string, unitId: string | null | undefined, lang: Lang, size: BoardSize = BoardSize.a4): string {
  const unit = unitId === undefined ? '' : `/${encodeURIComponent(unitKey(unitId))}`;
  return `/p/${encodeURIComponent(communityId)}/board/${encodeURIComponent(buildingId)}${unit}${query({ lang: langParam(lang), size: size === BoardSize.a5 ? size : undefined })}`;
}

export function buildingAnchor(buildingId: string): string {
  return `b-${buildingId}`;
}

export function unitAnchor(buildingId: string, unitId: string | null): string {
  return `u-${buildingId}-${unitKey(unitId)}`;
}

export function matterAnchor(matterId: string): string {
  return `m-${matterId}`;
}
