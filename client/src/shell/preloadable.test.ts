import { createElement, Suspense, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { preloadable } from './preloadable';

const Page: ComponentType<{ name: string }> = ({ name }) => createElement('p', null, `page of ${name}`);
const inSuspense = (child: ReturnType<typeof createElement>) => renderToString(createElement(Suspense, { fallback: createElement('i', null, 'loading') }, child));

describe('preloadable', () => {
  it('renders the component without suspending once its module is in', async () => {
    let loads = 0;
    const page = preloadable(async () => {
      loads += 1;
      return { default: Page };
    });
    await page.preload();
    expect(inSuspense(createElement(page.Component, { name: 'my' }))).toContain('page of my');
    await page.preload();
    expect(loads).toBe(1);
  });

  it('suspends (shows the fallback) while its module is not in', () => {
    const page = preloadable(() => new Promise<{ default: typeof Page }>(() => undefined));
    expect(inSuspense(createElement(page.Component, { name: 'my' }))).toContain('loading');
  });
});
