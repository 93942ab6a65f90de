// Vite plugin: bundles the page's boot script and inlines it at the top of index.html's <head>.
// Inline and first, it starts reading IndexedDB while the browser is still fetching the app's
// stylesheet and code (a module script would wait for both); it is small (no React, no Dexie).
import { build } from 'esbuild';
import type { Plugin } from 'vite';

/** Bundles `entry` as one classic script (IIFE), minified. */
export async function bundleBootScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    write: false,
  });
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error(`boot script ${entry}: esbuild wrote nothing`);
  // Inside <script>…</script> the text must not close the element early.
  return code.replace(/<\/script/gi, '<\\/script');
}

export function inlineBootScript(entry: string): Plugin {
  return {
    name: 'lianxin:inline-boot-script',
    async transformIndexHtml() {
      return [{ tag: 'script', children: await bundleBootScript(entry), injectTo: 'head-prepend' }];
    },
  };
}
