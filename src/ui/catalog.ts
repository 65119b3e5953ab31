/**
 * The shipped scenarios: every `scenarios/*.yaml`, shipped as a file and checked by the scenario
 * loader (imported lazily, so the start screen does not wait for it).
 */
import type { Problem } from '../scenario/problems';
import type { Scenario } from '../scenario/schema';

export const FLAGSHIP = 'urk-2015';

// The scenario files ship as assets (fetched when the list is shown), not as JavaScript: they
// are data, and keeping them out of the bundle keeps the download small. In the one-file build
// they are inlined as data: URLs, which fetch reads the same way.
const sources = import.meta.glob('../../scenarios/*.yaml', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/**
 * The room server gives scenario files to the facilitator's laptop only (they hold every hidden
 * brief): a phone that opens the start page gets 403 for them. That is not a broken scenario but
 * a device that plays at a table, so it is told apart from a real failure.
 */
class NotForThisDevice extends Error {}

async function readSource(url: string): Promise<string> {
  const response = await fetch(url);
  if (response.status === 403) throw new NotForThisDevice();
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return response.text();
}

export type CatalogEntry =
  | { file: string; ok: true; scenario: Scenario; hash: string; source: string }
  | {
      file: string;
      ok: false;
      errors: string[];
      problems?: Problem[];
      source?: string;
      /** Refused to this device (a phone at a room server): not shown as a broken scenario. */
      forbidden?: true;
    };

let cache: Promise<CatalogEntry[]> | null = null;

export function loadCatalog(): Promise<CatalogEntry[]> {
  cache ??= readAll();
  return cache;
}

async function readAll(): Promise<CatalogEntry[]> {
  const { loadScenario, formatProblem } = await import('../scenario/index');
  const entries = await Promise.all(
    Object.entries(sources).map(async ([path, url]): Promise<CatalogEntry> => {
      const file = path.split('/').pop() ?? path;
      try {
        const source = await readSource(url);
        const result = loadScenario(source, file);
        if (result.ok) return { file, ok: true, scenario: result.scenario, hash: result.hash, source };
        // The problems themselves too, so the choice can word them in the UI language (issue 6).
        return { file, ok: false, errors: result.errors.map(formatProblem), problems: result.errors, source };
      } catch (error) {
        if (error instanceof NotForThisDevice) return { file, ok: false, errors: [], forbidden: true };
        return { file, ok: false, errors: [`${file}: ${String(error)}`] };
      }
    }),
  );
  return entries.sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file));
}

function rank(entry: CatalogEntry): number {
  if (entry.ok && entry.scenario.id === FLAGSHIP) return 0;
  return entry.ok ? 1 : 2;
}
