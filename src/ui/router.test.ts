import { describe, expect, it } from 'vitest';
import type { App, Screen } from './app';
import { type Location, pathTo, Router } from './router';

/** A browser history in memory: push, replace, back; `hashchange` only on back (as popstate). */
function memoryLocation(start = '') {
  const entries = [start];
  let at = 0;
  const listeners: (() => void)[] = [];
  const location: Location = {
    hash: () => entries[at],
    setHash(hash, replace) {
      if (replace) entries[at] = hash;
      else {
        entries.splice(at + 1, entries.length, hash);
        at++;
      }
    },
    onChange: (fn) => listeners.push(fn),
  };
  return {
    location,
    entries,
    back() {
      at--;
      for (const fn of listeners) fn();
    },
    forward() {
      at++;
      for (const fn of listeners) fn();
    },
    /** A person types an address (or a bookmark opens one). */
    type(hash: string) {
      entries.splice(at + 1, entries.length, hash);
      at++;
      for (const fn of listeners) fn();
    },
  };
}

function setup(start = '') {
  const shown: string[] = [];
  const app = { show: (s: Screen) => shown.push(s.render().id) } as unknown as App;
  const history = memoryLocation(start);
  const router = new Router(app, history.location);
  const screen = (id: string): Screen => ({ render: () => ({ id }) as HTMLElement });
  router
    .add('', () => screen('start'))
    .add('setup/:scenario', ({ params }) => screen(`setup:${params.scenario}`))
    .add('play/:session', async ({ params }) => {
      await Promise.resolve();
      return screen(`play:${params.session}`);
    });
  return { router, shown, history };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the router', () => {
  it('shows the screen of the address it starts at, with its parts decoded', async () => {
    const { router, shown } = setup('#/setup/urk%202015');
    router.start();
    await settle();
    expect(shown).toEqual(['setup:urk 2015']);
  });

  it('go adds a step that Back returns from; replace does not', async () => {
    const { router, shown, history } = setup();
    router.start();
    router.go(pathTo('setup', 'demo'));
    router.go(pathTo('play', 's-1'), { replace: true });
    await settle();
    expect(history.entries).toEqual(['', '#/play/s-1']);
    history.back();
    await settle();
    expect(shown).toEqual(['start', 'setup:demo', 'play:s-1', 'start']);
    history.forward();
    await settle();
    expect(shown.at(-1)).toBe('play:s-1');
  });

  it('going to where it already is shows nothing again', async () => {
    const { router, shown } = setup();
    router.start();
    router.go('');
    router.go('/');
    await settle();
    expect(shown).toEqual(['start']);
  });

  it('an unknown address becomes the start screen, in place of the bad entry', async () => {
    const { router, shown, history } = setup();
    router.start();
    history.type('#/nowhere/at/all');
    await settle();
    expect(shown.at(-1)).toBe('start');
    expect(history.entries).toEqual(['', '#/']);
  });

  it('a screen still loading is not shown once the table has gone elsewhere', async () => {
    const { router, shown } = setup();
    router.start();
    router.go('play/s-1');
    router.go('setup/demo');
    await settle();
    // play/s-1 was still loading when setup came up: it never covers the setup.
    expect(shown).toEqual(['start', 'setup:demo']);
  });

  it('a redirect before start changes the address only; start shows it once', async () => {
    const { router, shown, history } = setup();
    router.go(pathTo('play', 's-9'), { replace: true });
    expect(shown).toEqual([]);
    router.start();
    await settle();
    expect(shown).toEqual(['play:s-9']);
    expect(history.entries).toEqual(['#/play/s-9']);
  });
});
