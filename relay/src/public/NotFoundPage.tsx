/** @jsxImportSource hono/jsx */
import { DICTIONARY, type Lang } from './dictionary';
import { HtmlDocument } from './HtmlDocument';
import { PAGE_CSS } from './pageStyles';

/**
 * The one page for every miss (no such community, nothing published, no such building): it
 * names nothing from the request, so whether a community exists cannot be told from it.
 */
export function NotFoundPage({ lang }: { lang: Lang }) {
  const t = DICTIONARY[lang];
  return (
    <HtmlDocument lang={lang} title={t.notFoundTitle} css={[PAGE_CSS]}>
      <header class="top">
        <h1>{t.notFoundTitle}</h1>
      </header>
      <main>
        <section class="card" aria-label={t.notFoundTitle}>
          <p>{t.notFoundText}</p>
        </section>
      </main>
    </HtmlDocument>
  );
}
