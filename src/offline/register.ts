/**
 * Registers the offline service worker (src/offline/sw-plugin.ts) in a built game served over
 * http(s). Not in development (Vite serves fresh modules) and not from file:// (the single-file
 * build needs none and a file:// page cannot have one). A failure only means no offline cache.
 */
export function registerOffline(): void {
  // `import.meta.hot` exists only under the dev server, whatever NODE_ENV says.
  if (import.meta.hot || import.meta.env.VITE_SINGLE) return;
  if (!('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // no offline cache this time; the game itself is unaffected
    });
  });
}
