/**
 * The shell's router: one URL per screen, in the hash (`#/setup/urk-2015`), so that a reload, a
 * bookmark or the back button land where the person was — also from file:// and the one-file
 * build, where there is no server to answer other paths. A route is a pattern (`play/:session`)
 * and a handler that shows its screen; the handler is run whenever the URL comes to that route
 * (a click that calls `go`, the back button, a reload). `#console` is not a route: the
 * facilitator's own window is recognised before the router starts (src/ui/facilitator/remote.ts).
 */
import type { App, Screen } from './app';

export type RouteParams = Readonly<Record<string, string>>;

export interface RouteContext {
  /** The page's shell: `app.show(screen)`, `app.controls()`, `app.sound`, `app.announce`. */
  app: App;
  /** The route's named parts, decoded: `play/:session` at `#/play/abc` gives `{ session: 'abc' }`. */
  params: RouteParams;
  /** The path as shown after `#/`. */
  path: string;
  /** Go to another route (adds a step to the history, so Back returns here). */
  go(path: string, options?: GoOptions): void;
}

/**
 * Shows the route's screen. Return a Screen to have it shown (its `leave` runs when the route is
 * left), or nothing when the handler shows what it needs itself.
 */
export type RouteHandler = (ctx: RouteContext) => Screen | undefined | Promise<Screen | undefined>;

export interface GoOptions {
  /** Replace the current history entry instead of adding one (a redirect). */
  replace?: boolean;
}

/** Where the router reads and writes the hash: the browser's location, or a fake in tests. */
export interface Location {
  hash(): string;
  setHash(hash: string, replace: boolean): void;
  onChange(fn: () => void): void;
}

interface Route {
  parts: string[];
  handler: RouteHandler;
}

export class Router {
  private readonly routes: Route[] = [];
  /** The path whose handler ran last (null before the first). */
  private shown: string | null = null;
  private started = false;

  constructor(
    private readonly app: App,
    private readonly location: Location = browserLocation(),
  ) {}

  /** Adds a route; `pattern` is a path with `:name` parts, e.g. `room/:code`. */
  add(pattern: string, handler: RouteHandler): this {
    this.routes.push({ parts: split(pattern), handler });
    return this;
  }

  /** Starts following the URL; the route at the current URL is shown now. */
  start(): void {
    this.started = true;
    this.location.onChange(() => this.dispatch());
    this.dispatch();
  }

  /** The current path without `#/` (`''` on the start screen). */
  current(): string {
    return pathOf(this.location.hash());
  }

  go(path: string, options: GoOptions = {}): void {
    const target = pathOf(path);
    if (target === this.current() && this.started) {
      // Already there (a screen that reports where it is): nothing to show again.
      if (target !== this.shown) this.dispatch();
      return;
    }
    this.location.setHash(`#/${target}`, options.replace ?? false);
    // Before `start` (a redirect while the page boots) the URL only changes; `start` shows it.
    if (!this.started) return;
    // A replaced entry fires no hashchange in browsers; a pushed one does, but the dispatch
    // below has by then already shown it (`shown` makes the second one a no-op).
    this.dispatch();
  }

  private dispatch(): void {
    const path = this.current();
    if (path === this.shown) return;
    this.shown = path;
    const found = this.match(path);
    if (!found) {
      // An old bookmark or a typo: the start screen, not a blank page.
      if (path !== '') this.go('', { replace: true });
      return;
    }
    const ctx: RouteContext = { app: this.app, params: found.params, path, go: (p, o) => this.go(p, o) };
    const result = found.route.handler(ctx);
    if (!(result instanceof Promise)) {
      if (result) this.app.show(result);
      return;
    }
    void result.then((screen) => {
      // A later navigation has taken over while this one was loading.
      if (screen && this.shown === path) this.app.show(screen);
    });
  }

  private match(path: string): { route: Route; params: Record<string, string> } | null {
    const parts = split(path);
    for (const route of this.routes) {
      if (route.parts.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const fits = route.parts.every((p, i) => {
        if (p.startsWith(':')) {
          params[p.slice(1)] = parts[i];
          return parts[i] !== '';
        }
        return p === parts[i];
      });
      if (fits) return { route, params };
    }
    return null;
  }
}

/** A path for a route, with each part encoded: `pathTo('setup', id)`. */
export function pathTo(...parts: string[]): string {
  return parts.map(encodeURIComponent).join('/');
}

function pathOf(hash: string): string {
  return hash.replace(/^#?\/?/, '').replace(/\/+$/, '');
}

function split(path: string): string[] {
  const clean = pathOf(path);
  if (clean === '') return [];
  return clean.split('/').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
}

export function browserLocation(): Location {
  return {
    hash: () => window.location.hash,
    setHash(hash, replace) {
      if (replace) window.history.replaceState(window.history.state, '', hash);
      else window.history.pushState(null, '', hash);
    },
    onChange(fn) {
      window.addEventListener('popstate', fn);
      window.addEventListener('hashchange', fn);
    },
  };
}
