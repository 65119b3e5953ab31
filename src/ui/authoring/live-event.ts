/** The custom HMR event the dev server sends when a scenario file is saved (vite-plugin.ts → live.ts). */
export const SCENARIO_SAVED = 'dd:scenario-saved';

export interface ScenarioSaved {
  /** The file name inside scenarios/, as the catalog names it (`demo.yaml`). */
  file: string;
  source: string;
}
