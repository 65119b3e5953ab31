import type { Problem } from '../../scenario/problems';

/** The custom HMR event the dev server sends when a scenario file is saved (vite-plugin.ts → live.ts). */
export const SCENARIO_SAVED = 'dd:scenario-saved';

export interface ScenarioSaved {
  /** The file name inside scenarios/, as the catalog names it (`demo.yaml`). */
  file: string;
  /** The saved text; '' when the file is not UTF-8 (then `problem` says so). */
  source: string;
  /** Why the saved file could not be read as text (a file saved as Windows-1252, say). */
  problem?: Problem;
}
