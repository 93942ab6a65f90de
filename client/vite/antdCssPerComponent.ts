/**
 * Vite plugin: each Ant Design component's CSS loads with the chunk that uses the component,
 * instead of antd's whole stylesheet (1 MB) up front. At build start it writes antd's
 * zero-runtime CSS split by style hook (antdCssGroups.ts) to a cache directory; then every antd
 * module that declares a style hook (`genStyleHooks('Table', …)`) gets an import of that hook's
 * CSS, so Vite's CSS code splitting puts the Table's CSS in the chunk that holds the Table — the
 * same set of styles antd's runtime css-in-js would inject, in the order the chunks load.
 *
 * The dev server (antd pre-bundled, not transformed module by module) links the whole file.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { antdCssGroups, BASE_GROUP } from './antdCssGroups';

/** A style hook's declaration in antd's ES build: `genStyleHooks('Button'` or `genStyleHooks(['Input', 'TextArea']`. */
const HOOK = /\bgen(?:StyleHooks|ComponentStyleHook|SubStyleComponent)\(\s*(?:'(\w+)'|\[\s*'(\w+)'\s*(?:,\s*'([\w-]+)'\s*)?\])/g;
/** Every component's hook is made here: the reset and the icons' style they share go with it. */
const SHARED_MODULE = /\/antd\/es\/theme\/util\/genStyleUtils\.js$/;
const ANTD_ES = /\/node_modules\/antd\/es\/.+\.js$/;

/** The CSS groups a module of antd's ES build declares (`['Input-TextArea', 'vars-Input']`). */
export function groupsOfModule(id: string, code: string): string[] {
  const groups = new Set<string>();
  if (SHARED_MODULE.test(id)) groups.add(BASE_GROUP);
  for (const m of code.matchAll(HOOK)) {
    const component = m[1] ?? m[2]!;
    // As @ant-design/cssinjs-utils names the hook's cache path: a single name is doubled.
    groups.add(`${component}-${m[1] ? component : (m[3] ?? component)}`);
    groups.add(`vars-${component}`);
  }
  return [...groups];
}

export function antdCssPerComponent(): Plugin {
  const require = createRequire(import.meta.url);
  const cacheDir = join(dirname(require.resolve('antd/package.json')), '../.cache/lianxin-antd-css');
  let written = new Set<string>();
  let serve = false;
  return {
    name: 'lianxin:antd-css-per-component',
    enforce: 'pre',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    buildStart() {
      if (serve) return;
      mkdirSync(cacheDir, { recursive: true });
      written = new Set();
      for (const [group, css] of antdCssGroups()) {
        const file = join(cacheDir, `${group}.css`);
        let old: string | null = null;
        try {
          old = readFileSync(file, 'utf8');
        } catch {
          // not written yet
        }
        if (old !== css) writeFileSync(file, css);
        written.add(group);
      }
    },
    transform(code, id) {
      if (serve || !ANTD_ES.test(id)) return null;
      const imports = groupsOfModule(id, code)
        .filter((g) => written.has(g))
        .map((g) => `import ${JSON.stringify(join(cacheDir, `${g}.css`))};\n`);
      return imports.length ? { code: imports.join('') + code, map: null } : null;
    },
    transformIndexHtml() {
      if (!serve) return [];
      return [{ tag: 'link', attrs: { rel: 'stylesheet', href: `/@fs${require.resolve('antd/dist/antd.css')}` }, injectTo: 'head' }];
    },
  };
}
