/**
 * The debrief (loaded lazily): charts of every budget and meter per round from the log, the
 * timeline of decisions with the options not chosen, split votes and the delayed consequences
 * linked to their cause, the roles (hidden ones revealed), and the reflection questions.
 */
import { type CouncilRow, councilRows, tallyOf } from '../debrief/council-rows';
import type { GameState, LogEntry } from '../engine/types';
import { currentLang, t } from '../i18n';
import { formatMeter, formatMoney } from '../i18n/money';
import type { Scenario } from '../scenario/schema';
import { localize } from '../scenario/text';
import type { Screen } from './app';
import { charts } from './debrief-charts';
import { h } from './dom';
import { changeChips } from './effects-text';
import { debriefTools, decisionExtras } from './facilitator/debrief-tools';
import { roundText, stoppedText } from './hud';
import { findCard } from './lookup';
import { keepScroll } from './tab-storage';
import type { StageContext } from './types';

export function debriefScreen(ctx: StageContext): Screen {
  const { scenario, state, app } = ctx;
  let stopKeeping: (() => void) | null = null;
  return {
    leave() {
      stopKeeping?.();
    },
    render() {
      // The first paint: a reload comes back to where the facilitator was reading (issue 27).
      if (!stopKeeping) {
        requestAnimationFrame(() => {
          const scroller = document.getElementById('screen');
          if (scroller && !stopKeeping) stopKeeping = keepScroll(scroller, `dd.scroll:${location.hash}`);
        });
      }
      const lang = currentLang();
      const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, scenario.languages);
      const log = state.log;
      const decisions = log
        .map((e, i) => [e, i] as const)
        .filter((x): x is [Extract<LogEntry, { kind: 'decision' }>, number] => x[0].kind === 'decision');
      /** The decision that scheduled the card drawn at log index i, if any. */
      const causeOf = (i: number): string | null => {
        for (let j = i - 1; j >= 0; j--) {
          const d = log[j];
          if (d.kind === 'draw') {
            if (d.cause === undefined) return null;
            const sched = log[d.cause];
            const causeIndex = sched?.kind === 'schedule' ? sched.cause : d.cause;
            const cause = log[causeIndex];
            return cause?.kind === 'decision' ? text(findCard(scenario, cause.card).title) : null;
          }
          if (d.kind === 'decision') return null;
        }
        return null;
      };
      const cards = decisions.map(([e, i]) => {
        const card = findCard(scenario, e.card);
        const label = (id: string | null) => text(card.options?.find((o) => o.id === id)?.label ?? id ?? '');
        const notChosen = (card.options ?? []).filter((o) => o.id !== e.option).map((o) => text(o.label));
        const split = e.votes ? new Set(e.votes.filter(Boolean)).size > 1 : false;
        const cause = causeOf(i);
        const consequences = e.scheduled.some((k) => log[k]?.kind === 'schedule');
        return h(
          'li',
          { 'data-testid': 'timeline-item', 'data-card': e.card },
          h(
            'div',
            { class: 'when' },
            `${roundText(scenario, e.at)}${e.seat !== null ? ` · ${state.players[e.seat]?.name ?? ''}` : ''}`,
          ),
          h('strong', {}, text(card.title)),
          h('div', {}, `${t('card.chosen')}: ${e.option ? label(e.option) : '—'}`),
          notChosen.length > 0
            ? h('div', { class: 'not-chosen' }, t('debrief.notChosen', { options: notChosen.join(' · ') }))
            : null,
          split && e.votes
            ? h(
                'div',
                { 'data-testid': 'split' },
                `${t('debrief.split')} (${tallyOf(e.votes)}): ${e.votes.map((v, s) => `${state.players[s]?.name ?? ''} → ${label(v)}`).join(' · ')}`,
              )
            : null,
          cause ? h('div', { 'data-testid': 'caused-by' }, t('debrief.causedBy', { card: cause })) : null,
          consequences ? h('div', {}, t('debrief.caused')) : null,
          h('div', { class: 'outcome' }, changeChips(scenario, e.deltas, 'timeline')),
          card.reflect ? h('p', { class: 'answer' }, text(card.reflect)) : null,
          decisionExtras(ctx, i),
        );
      });
      // The council's own decisions stand in the timeline beside the cards (issue 21).
      const council = councilRows(scenario, state, lang, {
        round: (n) => roundText(scenario, n),
        money: formatMoney,
      });
      const timeline = [
        ...cards.map((el, k) => [decisions[k][1], el] as const),
        ...council.map((row) => [row.logIndex, councilItem(ctx, row)] as const),
      ]
        .sort((a, b) => a[0] - b[0])
        .map(([, el]) => el);
      const splits = splitSection(state, scenario, lang, decisions, council);
      const questions = (scenario.debrief?.questions ?? []).map((q) => h('li', {}, text(q)));
      const roles = state.players
        .map((p) => {
          const role = scenario.roles.find((r) => r.id === p.role);
          return role
            ? h('li', {}, h('strong', {}, `${p.name} — ${text(role.name)}: `), text(role.brief))
            : null;
        })
        .filter((x) => x !== null);
      return h(
        'div',
        { class: 'debrief' },
        h(
          'div',
          { class: 'row' },
          h('h1', {}, `${t('debrief.title')}: ${text(scenario.title)}`),
          app.controls(),
        ),
        state.ending?.stopped === undefined
          ? null
          : h(
              'p',
              { class: 'stopped', 'data-testid': 'debrief-stopped' },
              stoppedText(ctx, state.ending.stopped),
            ),
        h(
          'section',
          {},
          h('h2', {}, t('debrief.charts')),
          charts(scenario, log, lang, text, formatMoney, formatMeter),
        ),
        h(
          'section',
          {},
          h('h2', {}, t('debrief.timeline')),
          timeline.length > 0
            ? h('ol', { class: 'timeline', 'data-testid': 'timeline' }, timeline)
            : h('p', {}, t('debrief.noDecisions')),
        ),
        splits,
        roles.length > 0 ? h('section', {}, h('h2', {}, t('debrief.roles')), h('ul', {}, roles)) : null,
        questions.length > 0
          ? h(
              'section',
              {},
              h('h2', {}, t('debrief.questions')),
              h('ol', { 'data-testid': 'questions' }, questions),
            )
          : null,
        debriefTools(ctx),
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            { class: 'btn primary', type: 'button', 'data-key': 'again', onclick: ctx.exit },
            t('debrief.again'),
          ),
        ),
      );
    },
  };
}

/** A council decision in the timeline: what it was, what was not chosen, the tally, what-if. */
function councilItem(ctx: StageContext, row: CouncilRow): HTMLElement {
  return h(
    'li',
    { class: 'council-item', 'data-testid': 'timeline-item', 'data-kind': row.kind },
    h('div', { class: 'when' }, row.roundText),
    h('strong', {}, `${t(`export.kind${row.kind[0].toUpperCase()}${row.kind.slice(1)}`)}: ${row.what}`),
    row.notChosen.length > 0
      ? h('div', { class: 'not-chosen' }, t('debrief.notChosen', { options: row.notChosen.join(' · ') }))
      : null,
    row.split && row.votes
      ? h(
          'div',
          { 'data-testid': 'split' },
          `${t('debrief.split')} (${row.tally}): ${row.votes.map((v) => `${v.player} → ${v.option}`).join(' · ')}`,
        )
      : null,
    h(
      'div',
      { class: 'outcome' },
      row.changes.length
        ? row.changes
            .map((c) => `${c.name} ${c.money ? formatMoney(c.delta) : formatMeter(c.delta, currentLang())}`)
            .join(' · ')
        : '',
    ),
    row.kind === 'inject' || row.kind === 'skip' ? null : decisionExtras(ctx, row.logIndex),
  );
}

/** "Verdeelde stemmingen": every vote that split the table, with its tally and who chose what. */
function splitSection(
  state: GameState,
  scenario: Scenario,
  lang: string,
  decisions: readonly (readonly [Extract<LogEntry, { kind: 'decision' }>, number])[],
  council: CouncilRow[],
): HTMLElement | null {
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, scenario.languages);
  const items: [number, HTMLElement][] = [];
  for (const [e, i] of decisions) {
    if (!e.votes || new Set(e.votes.filter(Boolean)).size < 2) continue;
    const card = findCard(scenario, e.card);
    const label = (id: string | null) =>
      id ? text(card.options?.find((o) => o.id === id)?.label ?? id) : '—';
    items.push([
      i,
      h(
        'li',
        { 'data-testid': 'split-vote' },
        h('strong', {}, text(card.title)),
        ` (${roundText(scenario, e.at)}): ${tallyOf(e.votes)} — `,
        e.votes.map((v, s) => `${state.players[s]?.name ?? ''} → ${label(v)}`).join(' · '),
      ),
    ]);
  }
  for (const row of council) {
    if (!row.split || !row.votes) continue;
    items.push([
      row.logIndex,
      h(
        'li',
        { 'data-testid': 'split-vote' },
        h('strong', {}, `${t('export.kindPriorities')}: ${row.what}`),
        ` (${row.roundText}): ${row.tally} — `,
        row.votes.map((v) => `${v.player} → ${v.option}`).join(' · '),
      ),
    ]);
  }
  if (items.length === 0) return null;
  items.sort((a, b) => a[0] - b[0]);
  return h(
    'section',
    { 'data-testid': 'split-votes' },
    h('h2', {}, t('export.splitVotes')),
    h(
      'ul',
      {},
      items.map(([, el]) => el),
    ),
  );
}
