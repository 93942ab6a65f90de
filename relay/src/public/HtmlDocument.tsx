/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import type { HtmlEscapedString } from 'hono/utils/html';
import { HTML_LANG, type Lang } from './dictionary';

export interface HtmlDocumentProps {
  readonly lang: Lang;
  readonly title: string;
  /** Constant style sheets from pageStyles.ts (never document data). */
  readonly css: readonly string[];
  readonly children?: Child;
}

/**
 * The `<html>` shell every public page shares: no script, no external resource (a chat app's
 * built-in browser may block them and the CSP forbids them), no referrer.
 */
export function HtmlDocument(props: HtmlDocumentProps) {
  return (
    <html lang={HTML_LANG[props.lang]}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="format-detection" content="telephone=no" />
        <title>{props.title}</title>
        {/* An empty icon, so browsers do not fetch /favicon.ico from the relay. */}
        <link rel="icon" href="data:," />
        <style dangerouslySetInnerHTML={{ __html: props.css.join('\n') }} />
      </head>
      <body>{props.children}</body>
    </html>
  );
}

/** Renders a page to the full HTML text (with doctype). */
export async function renderHtml(element: HtmlEscapedString | Promise<HtmlEscapedString>): Promise<string> {
  // A JSX node's toString() is a Promise only when some component is async (none here).
  const node = await element;
  const html: string = await (node.toString() as string | Promise<string>);
  return `<!DOCTYPE html>${html}`;
}
