/** @jsxImportSource hono/jsx */
import { LABELS, type PublicView } from '@lianxin/model';
import { BoardDirectory } from './BoardDirectory';
import { DisclosureArticle } from './DisclosureArticle';
import { DICTIONARY, Lang, pick } from './dictionary';
import { clip, dayOfTime, DisplayLimit, pageTimeZone, telHref } from './display';
import { HtmlDocument } from './HtmlDocument';
import { PAGE_CSS } from './pageStyles';
import { matterAnchor, pagePath } from './publicPaths';
import { RichText } from './RichText';
import { StatisticsSection } from './StatisticsSection';

export interface CommunityPageProps {
  readonly communityId: string;
  readonly view: PublicView;
  readonly lang: Lang;
  /** The building filter (normalized), '' for none. */
  readonly query: string;
}

/** Latest publish time across everything on the page, or null. */
function lastUpdated(view: PublicView): number | null {
  const times = [
    view.community?.updatedAt ?? 0,
    view.statistics?.publishedAt ?? 0,
    ...view.disclosures.map((d) => d.publishedAt),
    ...view.boards.map((b) => b.publishedAt),
  ];
  const latest = Math.max(...times);
  return latest > 0 ? latest : null;
}

/** `/p/<community>`: the disclosure page (公开栏). */
export function CommunityPage({ communityId, view, lang, query }: CommunityPageProps) {
  const t = DICTIONARY[lang];
  const community = view.community;
  const name = community ? clip(community.name, DisplayLimit.name) : t.untitledCommunity;
  const phoneHref = community?.phone ? telHref(community.phone) : null;
  const other = lang === Lang.en ? Lang.zh : Lang.en;
  const updated = lastUpdated(view);
  const anchors = new Set<string>();
  return (
    <HtmlDocument lang={lang} title={community ? t.pageTitle(name) : name} css={[PAGE_CSS]}>
      <a class="skip" href="#boards">
        {t.sectionBoards}
      </a>
      <header class="top">
        <a class="lang" href={pagePath(communityId, other, query || undefined)} lang={other === Lang.en ? 'en' : 'zh-CN'} aria-label={t.otherLanguageLabel}>
          {t.otherLanguage}
        </a>
        <h1>{name}</h1>
        {community ? (
          <p>
            {pick(LABELS.communityKind[community.kind], lang)}
            {community.township ? ` · ${clip(community.township, DisplayLimit.name)}` : ''}
          </p>
        ) : null}
      </header>
      <main>
        {community ? (
          <section class="card" aria-label={t.boardContact}>
            <dl class="facts">
              {community.address ? (
                <>
                  <dt>{t.address}</dt>
                  <dd>{clip(community.address, DisplayLimit.title)}</dd>
                </>
              ) : null}
              {community.phone ? (
                <>
                  <dt>{t.phone}</dt>
                  <dd>{phoneHref ? <a href={phoneHref}>{clip(community.phone, DisplayLimit.phone)}</a> : clip(community.phone, DisplayLimit.phone)}</dd>
                </>
              ) : null}
              {community.officeHours ? (
                <>
                  <dt>{t.officeHours}</dt>
                  <dd>{clip(community.officeHours, DisplayLimit.title)}</dd>
                </>
              ) : null}
              {community.stars ? (
                <>
                  <dt>{t.stars}</dt>
                  <dd>
                    <span role="img" aria-label={t.starsOf(community.stars.stars, community.stars.year, clip(community.stars.township, DisplayLimit.name))}>
                      {'★'.repeat(community.stars.stars) + '☆'.repeat(5 - community.stars.stars)}
                    </span>{' '}
                    ({community.stars.year}, {clip(community.stars.township, DisplayLimit.name)})
                  </dd>
                </>
              ) : null}
            </dl>
            <RichText value={community.intro} cutNote={t.truncated} />
          </section>
        ) : null}
        <nav class="toc" aria-label={t.contents}>
          <ul>
            <li>
              <a href="#boards">{t.sectionBoards}</a>
            </li>
            <li>
              <a href="#disclosures">{t.sectionDisclosures}</a>
            </li>
            <li>
              <a href="#statistics">{t.sectionStatistics}</a>
            </li>
          </ul>
        </nav>
        <BoardDirectory communityId={communityId} boards={view.boards} lang={lang} query={query} />
        <section id="disclosures" aria-labelledby="disclosures-title">
          <h2 id="disclosures-title">{t.sectionDisclosures}</h2>
          {view.disclosures.length === 0 ? <p class="muted">{t.noDisclosures}</p> : null}
          {view.disclosures.slice(0, DisplayLimit.disclosures).map((d) => {
            const anchor = matterAnchor(d.matterId);
            const fresh = !anchors.has(anchor);
            anchors.add(anchor);
            return <DisclosureArticle disclosure={d} lang={lang} anchorId={fresh ? anchor : null} timeZone={pageTimeZone(view)} />;
          })}
          {view.disclosures.length > DisplayLimit.disclosures ? <p class="note">{t.moreNotShown(view.disclosures.length - DisplayLimit.disclosures)}</p> : null}
        </section>
        <StatisticsSection statistics={view.statistics} lang={lang} />
      </main>
      <footer>
        <p>
          {t.footer}
          {updated !== null ? ` ${t.lastUpdated(dayOfTime(updated, pageTimeZone(view)))}` : ''}
        </p>
      </footer>
    </HtmlDocument>
  );
}
