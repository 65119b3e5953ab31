/**
 * Development only (`npm start`): when a scenario file under `scenarios/` is saved, send its new
 * text to the running game as the custom HMR event `dd:scenario-saved` instead of letting Vite
 * reload the page (which would lose the game in progress). The game decides what to do with it
 * (src/ui/authoring/live.ts). New and deleted files still go through Vite's own handling.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { decodeScenarioText } from '../../scenario/decode';
import { SCENARIO_SAVED, type ScenarioSaved } from './live-event';

export function scenarioReload(): Plugin {
  let folder = '';
  return {
    name: 'dd-scenario-reload',
    apply: 'serve',
    configResolved(config) {
      folder = resolve(config.root, 'scenarios');
    },
    async hotUpdate({ type, file, modules }) {
      if (this.environment.name !== 'client' || type !== 'update') return;
      if (resolve(dirname(file)) !== folder || !/\.ya?ml$/.test(file)) return;
      const data = await savedEvent(file);
      // The server forgets its copy, so a fresh page load gets the new text too.
      for (const mod of modules) this.environment.moduleGraph.invalidateModule(mod);
      this.environment.hot.send({ type: 'custom', event: SCENARIO_SAVED, data });
      return [];
    },
  };
}

/**
 * The event for a saved file: its bytes read and decoded strictly, as the loader does (Vite's
 * own `read()` would turn a Windows-1252 "ë" into "�" and the projector would show it).
 */
export async function savedEvent(path: string): Promise<ScenarioSaved> {
  const file = basename(path);
  const decoded = decodeScenarioText(new Uint8Array(await readFile(path)), file);
  return decoded.ok ? { file, source: decoded.text } : { file, source: '', problem: decoded.problem };
}
