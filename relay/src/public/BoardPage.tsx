/** @jsxImportSource hono/jsx */
import { LABELS, type PublicBoard, type PublicBoardUnit, type PublicCommunity } from '@lianxin/model';
import { DICTIONARY, Lang, pick } from './dictionary';
import { clip, DisplayLimit, telHref } from './display';
import { HtmlDocument } from './HtmlDocument';
import { BOARD_CSS, PAGE_SIZE_CSS } from './pageStyles';
import { PersonText } from './PersonText';
import { BoardSize, boardPath, buildingAnchor, pagePath } from './publicPaths';

export interface BoardPageProps {
  readonly communityId: string;
  readonly community: PublicCommunity | null;
  readonly board: PublicBoard;
  /** One unit's board (the card at its door), or every unit of the building. */
  readonly units: readonly PublicBoardUnit[];
  /** Set when the board is one unit's. */
  readonly unitId?: string | null;
  readonly lang: Lang;
  readonly size: BoardSize;
  /** The QR code as a `data:image/svg+xml` URI. */
  readonly qrDataUri: string;
  /** The absolute URL the QR code encodes (printed under it for people without a scanner). */
  readonly targetUrl: string;
}

/** `/p/<community>/board/<building>[/<unit>]`: a printable 服务牌 (A4 or A5). */
export function BoardPage(props: BoardPageProps) {
  const { communityId, community, board, units, lang, size } = props;
  const t = DICTIONARY[lang];
  const single = props.unitId !== undefined;
  const where = [clip(board.label, DisplayLimit.label), ...(single && units[0] ? [clip(units[0].label, DisplayLimit.label)] : [])].join(' ');
  const communityName = community ? clip(community.name, DisplayLimit.name) : t.untitledCommunity;
  const phone = community?.phone ? clip(community.phone, DisplayLimit.phone) : null;
  const phoneHref = phone ? telHref(phone) : null;
  const other = lang === Lang.en ? Lang.zh : Lang.en;
  const otherSize = size === BoardSize.a4 ? BoardSize.a5 : BoardSize.a4;
  return (
    <HtmlDocument lang={lang} title={`${t.boardTitle} · ${where} · ${communityName}`} css={[BOARD_CSS, PAGE_SIZE_CSS[size]]}>
      <nav class="toolbar" aria-label={t.contents}>
        <a href={`${pagePath(communityId, lang)}#${buildingAnchor(board.buildingId)}`}>{t.backToPage}</a>
        <a href={boardPath(communityId, board.buildingId, single ? (props.unitId ?? null) : undefined, lang, otherSize)}>{otherSize === BoardSize.a5 ? t.sizeA5 : t.sizeA4}</a>
        <a href={boardPath(communityId, board.buildingId, single ? (props.unitId ?? null) : undefined, other, size)} lang={other === Lang.en ? 'en' : 'zh-CN'}>
          {t.otherLanguage}
        </a>
        <span class="muted">{t.boardPrintHint}</span>
      </nav>
      <main class={`sheet ${size}`}>
        <h1>{t.boardTitle}</h1>
        <p class="where">{where}</p>
        <p class="community">
          {communityName}
          {board.compound ? ` · ${clip(board.compound, DisplayLimit.label)}` : ''}
          {board.grid ? ` · ${t.grid}${t.colon}${clip(board.grid.label, DisplayLimit.label)}` : ''}
        </p>
        {board.cadre || board.grid?.leader ? (
          <section aria-labelledby="board-cadre">
            <h2 id="board-cadre">{t.cadre}</h2>
            <ul>
              {board.cadre ? (
                <li>
                  <PersonText person={board.cadre} lang={lang} />
                </li>
              ) : null}
              {board.grid?.leader ? (
                <li>
                  {t.gridLeader}
                  {t.colon}
                  <PersonText person={board.grid.leader} lang={lang} />
                </li>
              ) : null}
            </ul>
          </section>
        ) : null}
        {units.map((unit, i) => {
          const headingId = `board-unit-${i}`;
          return (
            <section aria-labelledby={headingId}>
              <h2 id={headingId}>
                {single ? t.members : `${unit.label.trim() !== '' ? clip(unit.label, DisplayLimit.label) : t.noUnit} · ${t.members}`}
              </h2>
              {unit.members.length + unit.functionHouseholds.length > 0 ? (
                <ul>
                  {unit.members.map((m) => (
                    <li>
                      <PersonText person={m} lang={lang} withheld={t.memberWithheld} /> <span class="muted">· {t.memberServes(m.households)}</span>
                    </li>
                  ))}
                  {unit.functionHouseholds.map((f) => (
                    <li>
                      {pick(LABELS.householdRole[f.role], lang)}
                      {t.colon}
                      <PersonText person={{ name: f.name, phone: f.phone, post: null }} lang={lang} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="muted">{t.noMembers}</p>
              )}
            </section>
          );
        })}
        <div class="bottom">
          <section aria-labelledby="board-contact">
            <h2 id="board-contact">{t.boardContact}</h2>
            <p>
              {communityName}
              {phone ? (
                <>
                  <br />
                  {t.phone}
                  {t.colon}
                  {phoneHref ? <a href={phoneHref}>{phone}</a> : phone}
                </>
              ) : null}
              {community?.officeHours ? (
                <>
                  <br />
                  {t.officeHours}
                  {t.colon}
                  {clip(community.officeHours, DisplayLimit.title)}
                </>
              ) : null}
            </p>
          </section>
          <figure class="qr">
            <img src={props.qrDataUri} alt={t.qrAlt} width="152" height="152" />
            <figcaption>
              {t.qrCaption}
              <br />
              <span class="url">{props.targetUrl}</span>
            </figcaption>
          </figure>
        </div>
      </main>
    </HtmlDocument>
  );
}
