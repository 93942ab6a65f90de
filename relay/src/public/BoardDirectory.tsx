/** @jsxImportSource hono/jsx */
import { LABELS, type PublicBoard, type PublicBoardUnit } from '@lianxin/model';
import { filterBoards } from './boardFilter';
import { DICTIONARY, Lang, pick } from './dictionary';
import { clip, DisplayLimit } from './display';
import { PersonText } from './PersonText';
import { boardPath, buildingAnchor, pagePath, unitAnchor } from './publicPaths';

export interface BoardDirectoryProps {
  readonly communityId: string;
  readonly boards: readonly PublicBoard[];
  readonly lang: Lang;
  /** The resident's building query (normalized), '' for none. */
  readonly query: string;
}

/** Hands out each anchor once: a hostile board may repeat a unit id, an anchor must not repeat. */
function anchorIssuer(): (id: string) => string | undefined {
  const used = new Set<string>();
  return (id) => {
    if (used.has(id)) return undefined;
    used.add(id);
    return id;
  };
}

function UnitSection({ communityId, board, unit, lang, anchor }: { communityId: string; board: PublicBoard; unit: PublicBoardUnit; lang: Lang; anchor: string | undefined }) {
  const t = DICTIONARY[lang];
  const label = unit.label.trim() !== '' ? clip(unit.label, DisplayLimit.label) : t.noUnit;
  return (
    <div class="unit" id={anchor}>
      <h4>
        {label} <span class="muted">· {t.households(unit.householdCount)}</span>
      </h4>
      {unit.members.length > 0 ? (
        <ul class="people" aria-label={t.members}>
          {unit.members.map((m) => (
            <li>
              <PersonText person={m} lang={lang} withheld={t.memberWithheld} /> <span class="muted">· {t.memberServes(m.households)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t.noMembers}</p>
      )}
      {unit.functionHouseholds.length > 0 ? (
        <ul class="people" aria-label={t.functionHouseholds}>
          {unit.functionHouseholds.map((f) => (
            <li>
              {pick(LABELS.householdRole[f.role], lang)}
              {t.colon}
              <PersonText person={{ name: f.name, phone: f.phone, post: null }} lang={lang} />
            </li>
          ))}
        </ul>
      ) : null}
      <p class="screen-only">
        <a href={boardPath(communityId, board.buildingId, unit.unitId, lang)}>
          {t.printUnitBoard}
          <span class="muted">{t.aside(label)}</span>
        </a>
      </p>
    </div>
  );
}

function BuildingSection({ communityId, board, lang, issue }: { communityId: string; board: PublicBoard; lang: Lang; issue: (id: string) => string | undefined }) {
  const t = DICTIONARY[lang];
  const anchor = issue(buildingAnchor(board.buildingId));
  const titleId = anchor ? `${anchor}-title` : undefined;
  const label = clip(board.label, DisplayLimit.label);
  return (
    <section class="building" id={anchor} aria-labelledby={titleId}>
      <h3 id={titleId}>
        {label}
        {board.compound ? <span class="muted"> · {clip(board.compound, DisplayLimit.label)}</span> : null}
      </h3>
      <dl class="facts">
        <dt>{t.grid}</dt>
        <dd>{board.grid ? clip(board.grid.label, DisplayLimit.label) : t.noGrid}</dd>
        {board.grid?.leader ? (
          <>
            <dt>{t.gridLeader}</dt>
            <dd>
              <PersonText person={board.grid.leader} lang={lang} />
            </dd>
          </>
        ) : null}
        {board.cadre ? (
          <>
            <dt>{t.cadre}</dt>
            <dd>
              <PersonText person={board.cadre} lang={lang} />
            </dd>
          </>
        ) : null}
        <dt>{t.rosterHouseholds}</dt>
        <dd>{t.households(board.householdCount)}</dd>
      </dl>
      {board.units.map((unit) => (
        <UnitSection communityId={communityId} board={board} unit={unit} lang={lang} anchor={issue(unitAnchor(board.buildingId, unit.unitId))} />
      ))}
      <p class="screen-only">
        <a href={boardPath(communityId, board.buildingId, undefined, lang)}>
          {t.printBoard}
          <span class="muted">{t.aside(label)}</span>
        </a>
      </p>
    </section>
  );
}

/** Groups consecutive boards by grid label (the view is already ordered by grid, then building). */
function byGrid(boards: readonly PublicBoard[]): { grid: string | null; boards: PublicBoard[] }[] {
  const groups: { grid: string | null; boards: PublicBoard[] }[] = [];
  for (const board of boards) {
    const grid = board.grid?.label ?? null;
    const last = groups.at(-1);
    if (last && last.grid === grid) last.boards.push(board);
    else groups.push({ grid, boards: [board] });
  }
  return groups;
}

/**
 * 服务牌 as a directory: a building-number search that works without JavaScript (a GET form), an
 * index of buildings by grid with anchors, then each building with its cadre, grid leader and,
 * per unit, the members who serve it.
 */
export function BoardDirectory({ communityId, boards, lang, query }: BoardDirectoryProps) {
  const t = DICTIONARY[lang];
  const matched = query ? filterBoards(boards, query) : [...boards];
  const all = matched.length > 0 ? matched : [...boards];
  // A hostile writer could publish any number of boards: the page shows a bounded number.
  const shown = all.slice(0, DisplayLimit.boards);
  const issue = anchorIssuer();
  return (
    <section class="card" id="boards" aria-labelledby="boards-title">
      <h2 id="boards-title">{t.sectionBoards}</h2>
      {boards.length === 0 ? (
        <p class="muted">{t.noBoards}</p>
      ) : (
        <>
          <p>{t.findIntro}</p>
          <form class="find" method="get" action={`${pagePath(communityId, Lang.zh)}#boards`} role="search">
            <div>
              <label for="find-building">{t.findLabel}</label>
              <input id="find-building" name="building" type="search" inputmode="numeric" autocomplete="off" placeholder={t.findHint} value={query} maxlength={DisplayLimit.query} />
            </div>
            {lang === Lang.en ? <input type="hidden" name="lang" value={Lang.en} /> : null}
            <button type="submit">{t.findButton}</button>
          </form>
          {query ? (
            <p role="status">
              {matched.length > 0 ? t.findFound(query, matched.length) : t.findNone(query)} <a href={`${pagePath(communityId, lang)}#boards`}>{t.findShowAll}</a>
            </p>
          ) : null}
          <nav aria-label={t.buildingIndex}>
            <h3>{t.buildingIndex}</h3>
            {byGrid(shown).map((group) => (
              <>
                <p class="muted">{group.grid !== null ? clip(group.grid, DisplayLimit.label) : t.noGrid}</p>
                <ul class="index">
                  {group.boards.map((b) => (
                    <li>
                      <a href={`#${buildingAnchor(b.buildingId)}`}>{clip(b.label, DisplayLimit.label)}</a>
                    </li>
                  ))}
                </ul>
              </>
            ))}
          </nav>
          {shown.map((board) => (
            <BuildingSection communityId={communityId} board={board} lang={lang} issue={issue} />
          ))}
          {all.length > shown.length ? <p class="note">{t.moreBuildings(all.length - shown.length)}</p> : null}
        </>
      )}
    </section>
  );
}
