/**
 * What the debrief screen gets from the facilitation layer: the export buttons (standalone HTML,
 * Markdown, CSV, the session file), a what-if button on every decision of the timeline, and — in
 * a branch — the branch and its original side by side.
 */
import { compareSessions } from '../../debrief/compare';
import { decisionsCsv } from '../../debrief/csv';
import { debriefHtml } from '../../debrief/html';
import type { ExportLabels } from '../../debrief/labels';
import { debriefMarkdown } from '../../debrief/markdown';
import { buildDebrief, noteOwners } from '../../debrief/model';
import { branchRecord } from '../../debrief/whatif';
import { currentLang, t } from '../../i18n';
import { formatMeter, formatMoney } from '../../i18n/money';
import { resumeSession } from '../../persistence';
import { compareKinds } from '../compare/kinds';
import { comparisonTable } from '../compare/table';
import { h } from '../dom';
import { roundText, stoppedText } from '../hud';
import { download } from '../saved/download';
import type { StageContext, TableTools } from '../types';

export function exportLabels(): ExportLabels {
  const keys: (keyof ExportLabels)[] = [
    'debrief',
    'charts',
    'timeline',
    'chosen',
    'notChosen',
    'split',
    'asked',
    'notes',
    'generalNotes',
    'roles',
    'goalMet',
    'goalNotMet',
    'questions',
    'ending',
    'final',
    'round',
    'player',
    'card',
    'option',
    'votes',
    'changes',
    'start',
    'seed',
    'reflect',
    'kind',
    'kindCard',
    'kindPriorities',
    'kindTransfer',
    'kindInvest',
    'kindDecline',
    'kindInject',
    'kindSkip',
    'splitVotes',
    'tally',
  ];
  return Object.fromEntries(keys.map((k) => [k, t(`export.${k}`)])) as unknown as ExportLabels;
}

function fileBase(ctx: StageContext): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${ctx.scenario.id}-${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

function model(ctx: StageContext) {
  const lang = currentLang();
  return buildDebrief(ctx.scenario, ctx.state, lang, {
    round: (n) => roundText(ctx.scenario, n),
    money: formatMoney,
    meter: (v) => formatMeter(v, lang),
    stopped: (n) => `${stoppedText(ctx, n)} ${t('ending.asOfNote')}`,
  });
}

/** The export row and, in a branch, the side-by-side comparison with its original. */
export function debriefTools(ctx: StageContext): HTMLElement {
  const button = (label: string, testid: string, onclick: () => void) =>
    h('button', { class: 'btn small', type: 'button', 'data-testid': testid, onclick }, label);
  const side = h('div', { class: 'branch-compare', 'data-testid': 'branch-compare' });
  const live = ctx.tools?.live();
  if (live?.branchOf && ctx.tools) void fillBranch(side, ctx, ctx.tools, live.branchOf);
  return h(
    'section',
    { class: 'debrief-tools', 'aria-label': t('export.title') },
    h('h2', {}, t('export.title')),
    h(
      'div',
      { class: 'row' },
      button(t('export.html'), 'export-html', () =>
        download(
          `${fileBase(ctx)}-${t('exportFile.debrief')}.html`,
          debriefHtml(model(ctx), exportLabels()),
          'text/html',
        ),
      ),
      button(t('export.markdown'), 'export-md', () =>
        download(
          `${fileBase(ctx)}-${t('exportFile.minutes')}.md`,
          debriefMarkdown(model(ctx), exportLabels()),
          'text/markdown',
        ),
      ),
      button(t('export.csv'), 'export-csv', () =>
        download(
          `${fileBase(ctx)}-${t('exportFile.decisions')}.csv`,
          decisionsCsv(model(ctx), exportLabels()),
          'text/csv',
        ),
      ),
      button(t('export.session'), 'export-session', () => void ctx.tools?.exportCurrent()),
    ),
    side,
  );
}

async function fillBranch(
  el: HTMLElement,
  ctx: StageContext,
  tools: TableTools,
  originalId: string,
): Promise<void> {
  const original = await resumeSession(await tools.store(), originalId);
  if (!original.ok) {
    el.replaceChildren(h('p', {}, t('whatif.originalGone')));
    return;
  }
  const lang = currentLang();
  const cmp = compareSessions(
    ctx.scenario,
    [
      { label: t('whatif.original'), state: original.state },
      { label: t('whatif.branch'), state: ctx.state },
    ],
    lang,
    {
      money: formatMoney,
      meter: (v) => formatMeter(v, lang),
      none: '·',
      ending: t('compare.ending'),
      kinds: compareKinds(),
    },
  );
  el.replaceChildren(h('h2', {}, t('whatif.sideBySide')), comparisonTable(cmp, 'whatif-table'));
}

/**
 * Below each decision of the timeline: the facilitator's notes typed at that card, and
 * "What if…?" — replay up to just before it, and the table chooses again.
 */
export function decisionExtras(ctx: StageContext, logIndex: number): HTMLElement | null {
  const notes = [...noteOwners(ctx.state.log)]
    .filter(([, owner]) => owner === logIndex)
    .map(([i]) => ctx.state.log[i])
    .flatMap((e) => (e.kind === 'note' ? [e.text] : []));
  const live = ctx.tools?.live();
  const record = live?.session.snapshot().context.record;
  const button =
    live && record
      ? h(
          'button',
          {
            class: 'btn small',
            type: 'button',
            'data-testid': 'whatif',
            onclick: () => {
              const branch = branchRecord(ctx.scenario, record, logIndex);
              void ctx.tools?.branch(branch, logIndex);
            },
          },
          t('whatif.button'),
        )
      : null;
  if (!button && notes.length === 0) return null;
  return h(
    'div',
    { class: 'decision-extras' },
    notes.map((n) => h('p', { class: 'note', 'data-testid': 'decision-note' }, `${t('export.notes')}: ${n}`)),
    button,
  );
}
