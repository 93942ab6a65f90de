// The client's Vite config. Lives at the root so the client can import workspace packages
// (consumed as TS source) without a build step; `root` points Vite at client/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { compression } from 'vite-plugin-compression2';
import { inlineBootScript } from './client/vite/inlineBootScript';
import { antdCssPerComponent } from './client/vite/antdCssPerComponent';
import { relaysOf } from './packages/sync/src/relayChoice';

const clientRoot = fileURLToPath(new URL('./client', import.meta.url));
const bootScript = fileURLToPath(new URL('./client/src/boot/paintKeptScreen.ts', import.meta.url));
const relay = process.env.LIANXIN_RELAY ?? 'http://127.0.0.1:8787';
// LIANXIN_RELAY_URLS (comma-separated): the entry points of one relay service the app may sync
// with, tried in turn when one cannot be reached (relay/README.md, Many processes). Unset: the
// page's own origin. A bad list stops the build, naming the variable.
const relayUrls = (process.env.LIANXIN_RELAY_URLS ?? '').split(',').map((u) => u.trim()).filter(Boolean);
if (relayUrls.length > 0) relaysOf({ relayUrls }, 'LIANXIN_RELAY_URLS');

export default defineConfig({
  root: clientRoot,
  define: { __LIANXIN_RELAY_URLS__: JSON.stringify(relayUrls) },
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // client/vite/routeBytes.ts reads what each route loads from it (the bundle budget test).
    manifest: true,
    // antd + TipTap make large chunks; the whole app is precached for offline use anyway.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    // `npm run dev`: talk to a relay started with `npm run relay -- serve`.
    proxy: {
      '/api': relay,
      '/p': relay,
      '/sync': { target: relay.replace(/^http/, 'ws'), ws: true },
    },
  },
  plugins: [
    react(),
    antdCssPerComponent(),
    inlineBootScript(bootScript),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: '连心 Lianxin',
        short_name: '连心',
        description: '党员联户、民情办理与四议两公开 · Member–household links, concerns and the 4+2 procedure',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#c62828',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // The SPA shell answers every navigation offline, except what the relay renders itself.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/sync\//, /^\/p\//, /^\/healthz/, /^\/metrics/],
        // Take over the first page at once so a reload without signal is served from the cache.
        clientsClaim: true,
        skipWaiting: true,
        cleanupOutdatedCaches: true,
      },
    }),
    // Brotli and gzip copies beside each text file, which the relay serves by Accept-Encoding
    // (relay/src/http/staticFiles.ts): compressed once here, never per request.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(html|css|js|mjs|json|svg|webmanifest)$/, threshold: 1024 }),
  ],
});
