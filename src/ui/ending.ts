/** The ending: which ending, its text, each role's goal met or not; then on to the debrief. */
import { CircleCheck, CircleX } from 'lucide-static';
import { currentLang, t } from '../i18n';
import { localize } from '../scenario/text';
import type { Screen } from './app';
import { h, icon } from './dom';
import { stoppedText } from './hud';
import type { StageContext } from './types';

export function endingScreen(ctx: StageContext): Screen {
  const { scenario, state, app } = ctx;
  // The debrief has its own URL (#/debrief/<session>); the shell shows it.
  const openDebrief = () => ctx.openDebrief();
  return {
    render() {
      const text = (v: Parameters<typeof localize>[0]) => localize(v, currentLang(), scenario.languages);
      const ending = scenario.endings.find((e) => e.id === state.ending?.id);
      const goals = state.players
        .map((p) => {
          const role = scenario.roles.find((r) => r.id === p.role);
          const judged = state.ending?.goals ?? {};
          if (!role || !(role.id in judged)) return null;
          const met = judged[role.id] === true;
          return h(
            'li',
            { class: 'goal', 'data-testid': `goal-${role.id}` },
            icon(met ? CircleCheck : CircleX, met ? t('ending.met') : t('ending.notMet'), 'icon big'),
            h('span', {}, `${p.name} — ${text(role.name)}: `),
            h('span', { class: 'mark' }, met ? t('ending.met') : t('ending.notMet')),
          );
        })
        .filter((x) => x !== null);
      // Stopped early (a workshop out of time): said first, and the ending and goals are "as of now".
      const stopped = state.ending?.stopped;
      const early = stopped === undefined ? null : stoppedText(ctx, stopped);
      return h(
        'div',
        { class: 'ending' },
        h(
          'div',
          { class: 'row' },
          h('h1', {}, early ? t('ending.stoppedTitle') : t('ending.title')),
          app.controls(),
        ),
        early ? h('p', { class: 'stopped', 'data-testid': 'ending-stopped' }, early) : null,
        h(
          'h2',
          { 'data-testid': 'ending-title' },
          ending ? (early ? t('ending.asOf', { title: text(ending.title) }) : text(ending.title)) : '',
        ),
        early ? h('p', { class: 'muted', 'data-testid': 'ending-as-of' }, t('ending.asOfNote')) : null,
        ending ? h('p', { 'data-testid': 'ending-text' }, text(ending.text)) : null,
        goals.length > 0
          ? [
              h('h2', {}, early ? t('ending.goalsAsOf') : t('ending.goals')),
              h('ul', { class: 'stack' }, goals),
            ]
          : null,
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            { class: 'btn primary', type: 'button', 'data-key': 'debrief', onclick: openDebrief },
            t('ending.debrief'),
          ),
        ),
      );
    },
    onKey(e) {
      if (e.key === 'Enter' || e.key === ' ') {
        openDebrief();
        return true;
      }
      return false;
    },
  };
}
