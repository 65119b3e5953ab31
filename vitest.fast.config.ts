/**
 * `npm run test:fast`, the edit loop: every unit and integration test that runs in this process,
 * without the ones that take minutes — the browser tests (a build and Chromium), the scenario
 * bar (10,000 games per table size), and the room server's process tests (kill -9 thirty times,
 * two processes behind Redis, journals damaged between restarts). `npm test` runs them all; CI runs `npm test`.
 *
 * Speed: threads without per-file isolation (the suite keeps no global state between files; the
 * full `npm test` still isolates every file) — about 15 s instead of 40 s on two cores.
 */
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      pool: 'threads',
      isolate: false,
      exclude: [
        ...configDefaults.exclude,
        'tests/browser/**',
        'tests/scenarios/**',
        // The seeded fuzz (≈ 40 s): npm test runs it.
        'tests/scenario/fuzz.test.ts',
        'src/room/room-durability.test.ts',
        'src/room/room-redis.test.ts',
        'src/room/room-journal.test.ts',
      ],
    },
  }),
);
