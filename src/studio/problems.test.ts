// @vitest-environment happy-dom
/**
 * The studio's problem summary (issue 26): while the check of a changed text runs it says
 * "checking…", never "no problems" for a text that has not been checked (a large file takes
 * seconds); and its counts are the loader's totals when the loader lists 100 and counts the rest.
 */
import { describe, expect, it } from 'vitest';
import { BASE } from '../../tests/scenario/helpers';
import { t } from '../i18n';
import { checkText } from './lint';
import { problemsPanel } from './problems';

describe('studio problems panel', () => {
  it('says "checking" instead of "no problems" while the changed text is being checked', () => {
    const clean = checkText(BASE, 'studio.yaml', 'nl');
    expect(clean.diagnoses).toEqual([]);
    const settled = problemsPanel(clean, BASE, () => undefined);
    expect(settled.querySelector('h2')?.textContent).toBe(t('studio.noProblems'));
    const running = problemsPanel(clean, BASE, () => undefined, true);
    expect(running.querySelector('h2')?.textContent).toBe(t('studio.checking'));
    expect(running.getAttribute('data-checking')).toBe('true');
  });

  it('counts every error of a file with thousands, not the hundred listed', () => {
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) lines.push(`k${i}: 1`);
    for (let i = 0; i < 300; i++) lines.push(`k${i}: 2`);
    const checked = checkText(`${lines.join('\n')}\n`, 'studio.yaml', 'nl');
    const panel = problemsPanel(checked, '', () => undefined);
    expect(panel.getAttribute('data-errors')).toBe('300');
  });
});
