/**
 * Ant Design's static stylesheet (zero-runtime mode), split by component. antd builds
 * `antd/dist/antd.css` by rendering every component into one css-in-js cache
 * (`@ant-design/static-style-extract`, `hashed: false`) and writing the cache out; this does the
 * same render and writes the cache out per style registration instead, so each component's CSS
 * can travel with the chunk that uses the component (see antdCssPerComponent.ts). Together the
 * groups hold exactly the rules of antd.css.
 *
 * Group names: `Button-Button`, `Input-TextArea` … (a style hook's path, as antd's
 * `genStyleHooks(['Input', 'TextArea'])` names it), `vars-Button` … (a component's CSS variables),
 * and `base` (the reset every component shares, the icons' style, the global tokens).
 */
import { createRequire } from 'node:module';
import type * as ReactModule from 'react';
import type * as Cssinjs from '@ant-design/cssinjs';
import type * as StaticStyleExtract from '@ant-design/static-style-extract';
import type * as Antd from 'antd';

export const BASE_GROUP = 'base';

/** The group a css-in-js cache key belongs to (`style%%Button-Button%ant-btn%anticon` → `Button-Button`). */
export function groupOfCacheKey(key: string): string {
  const parts = key.split('%');
  if (parts[0] === 'style' && parts[2] && /^[A-Z]\w*-\w+$/.test(parts[2])) return parts[2];
  if (parts[0] === 'cssVar' && parts[1] && /^[A-Z]\w*$/.test(parts[1])) return `vars-${parts[1]}`;
  return BASE_GROUP;
}

// extractStyle ends with a map of cache paths for hydrating server-rendered styles; zero-runtime
// mode never reads it.
const CACHE_PATH_RULE = /\.data-ant-cssinjs-cache-path\{content:"[^"]*";\}$/;

/** Renders every antd component (the installed version) and returns its CSS by group, in antd.css's order. */
export function antdCssGroups(): Map<string, string> {
  // CommonJS builds: the same modules antd's own build script renders, outside any bundler.
  const require = createRequire(import.meta.url);
  const React = require('react') as typeof ReactModule;
  const { createCache, extractStyle, StyleProvider } = require('@ant-design/cssinjs') as typeof Cssinjs;
  const { extractStyle: renderAll } = require('@ant-design/static-style-extract') as typeof StaticStyleExtract;
  const { ConfigProvider } = require('antd') as typeof Antd;

  const cache = createCache();
  const warn = console.error;
  console.error = () => {}; // deprecation warnings of components we render only for their styles
  try {
    renderAll((node) => React.createElement(StyleProvider, { cache }, React.createElement(ConfigProvider, { theme: { hashed: false } }, node)));
  } finally {
    console.error = warn;
  }

  const byGroup = new Map<string, string[]>();
  for (const key of cache.cache.keys()) {
    const group = groupOfCacheKey(key);
    byGroup.set(group, [...(byGroup.get(group) ?? []), key]);
  }
  const groups = new Map<string, string>();
  for (const [group, keys] of byGroup) {
    const part = createCache();
    for (const key of keys) {
      part.cache.set(key, cache.cache.get(key)!);
      part.updateTimes.set(key, cache.updateTimes.get(key) ?? 0);
    }
    const css = extractStyle(part, { plain: true }).replace(CACHE_PATH_RULE, '');
    if (css) groups.set(group, css);
  }
  return groups;
}
