/**
 * A small hand-made service worker instead of a PWA plugin (vite-plugin-pwa pulls in workbox and
 * its build chain): at build time this Vite plugin writes `sw.js` with the list of every file of
 * the build, so after the first visit the game — code, Phaser, fonts, sounds, scenarios — comes
 * from the cache and a workshop runs without a network. A new build has a new list, hence a new
 * cache name; the old cache is dropped when the new worker takes over.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

export function offlineServiceWorker(): Plugin {
  let skip = false;
  return {
    name: 'dd-offline-service-worker',
    apply: 'build',
    configResolved(config) {
      skip = config.define?.['import.meta.env.VITE_SINGLE'] !== undefined;
    },
    generateBundle(_options, bundle) {
      if (skip) return;
      const files = Object.keys(bundle).filter((f) => !f.endsWith('.map'));
      const version = createHash('sha256').update(files.sort().join('\n')).digest('hex').slice(0, 12);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(files, version) });
    },
  };
}

export function serviceWorkerSource(files: string[], version: string): string {
  const list = JSON.stringify(['./', ...files.map((f) => `./${f}`)]);
  return `// Generated at build time by src/offline/sw-plugin.ts. Cache first for the build's own files.
const CACHE = 'dd-${version}';
const FILES = ${list};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('dd-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  const page = req.mode === 'navigate';
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(page ? './' : req, { ignoreSearch: page }).then(
        (hit) =>
          hit ||
          fetch(req).then((res) => {
            if (res.ok && !page) cache.put(req, res.clone());
            return res;
          }),
      ),
    ),
  );
});
`;
}
