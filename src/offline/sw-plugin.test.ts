import { describe, expect, it } from 'vitest';
import { serviceWorkerSource } from './sw-plugin';

describe('the offline service worker', () => {
  it('precaches the page and every file of the build under a versioned cache name', () => {
    const sw = serviceWorkerSource(['index.html', 'assets/index-abc.js', 'assets/phaser-def.js'], 'v123');
    expect(sw).toContain("const CACHE = 'dd-v123'");
    const files = JSON.parse(/const FILES = (\[.*\]);/.exec(sw)?.[1] ?? '[]');
    expect(files).toEqual(['./', './index.html', './assets/index-abc.js', './assets/phaser-def.js']);
    expect(sw).toContain('caches.delete');
  });
});
