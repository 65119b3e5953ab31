/**
 * The shipped scenarios: every `scenarios/*.yaml`, bundled as text and checked by the scenario
 * loader (imported lazily, so the start screen does not wait for it).
 */
import type { Problem } from '../scenario/problems';
import type { Scenario } from '../scenario/schema';

export const FLAGSHIP = 'urk-2015';

const sources = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default' }) as Record<
  string,
  () => Promise<string>
>;

export type CatalogEntry =
  | { file: string; ok: true; scenario: Scenario; hash: string; source: string }
  | { file: string; ok: false; errors: string[]; problems?: Problem[]; source?: string };

let cache: Promise<CatalogEntry[]> | null = null;

export function loadCatalog(): Promise<CatalogEntry[]> {
  cache ??= readAll();
  return cache;
}

async function readAll(): Promise<CatalogEntry[]> {
  const { loadScenario, formatProblem } = await import('../scenario/index');
  const entries = await Promise.all(
    Object.entries(sources).map(async ([path, load]): Promise<CatalogEntry> => {
      const file = path.split('/').pop() ?? path;
      try {
        const source = await load();
        const result = loadScenario(source, file);
        if (result.ok) return { file, ok: true, scenario: result.scenario, hash: result.hash, source };
        // The problems themselves too, so the choice can word them in the UI language (issue 6).
        return { file, ok: false, errors: result.errors.map(formatProblem), problems: result.errors, source };
      } catch (error) {
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
