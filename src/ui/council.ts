/**
 * Investments offered on their space or at a council meeting (buy or decline), and the council
 * meeting itself: choose the priorities, move money between budgets when the scenario allows.
 */
import { Landmark, PiggyBank } from 'lucide-static';
import type { Action, GameState } from '../engine/types';
import { prioritiesAction } from '../engine/view-actions';
import { currentLang, t } from '../i18n';
import type { Scenario } from '../scenario/schema';
import { localize } from '../scenario/text';
import type { KeyedElement } from './card';
import { h, icon } from './dom';
import { costText } from './effects-text';
import { councilName } from './lookup';
import { readTab, writeTab } from './tab-storage';
import type { CouncilShown, InvestShown } from './table';
import { transferForm } from './transfer-form';

const txt = (scenario: Scenario) => (v: Parameters<typeof localize>[0]) =>
  localize(v, currentLang(), scenario.languages);

export function investDialog(
  scenario: Scenario,
  shown: InvestShown,
  send: (a: Action) => void,
  where: 'space' | 'council',
): KeyedElement {
  const text = txt(scenario);
  const inv = shown.investment;
  const buy = h(
    'button',
    {
      class: 'btn primary option',
      type: 'button',
      'data-key': 'invest',
      'data-autofocus': shown.allowed,
      disabled: !shown.allowed,
      onclick: () => send({ type: 'invest' }),
    },
    h('span', { class: 'num', 'aria-hidden': 'true' }, '1'),
    h('span', { class: 'label' }, t('invest.buy')),
    h('span', { class: 'cost' }, costText(scenario, shown.money, null)),
  );
  const decline = h(
    'button',
    {
      class: 'btn option',
      type: 'button',
      'data-key': 'decline',
      'data-autofocus': !shown.allowed,
      onclick: () => send({ type: 'decline' }),
    },
    h('span', { class: 'num', 'aria-hidden': 'true' }, '2'),
    h('span', { class: 'label' }, t('invest.decline')),
  );
  const el: KeyedElement = h(
    where === 'space' ? 'section' : 'div',
    where === 'space'
      ? { class: 'dialog enter', role: 'dialog', 'aria-labelledby': 'invest-title', 'data-testid': 'invest' }
      : { 'data-testid': 'invest' },
    h('div', { class: 'kind' }, icon(PiggyBank), t('kind.invest')),
    h('h1', { id: 'invest-title' }, `${t('invest.title')} ${text(inv.name)}`),
    inv.text ? h('p', {}, text(inv.text)) : null,
    shown.allowed ? null : h('p', {}, t('invest.cannot')),
    h('div', { class: 'options' }, buy, decline),
  );
  el.onKey = (e) => {
    if (e.key === '1' && shown.allowed) {
      send({ type: 'invest' });
      return true;
    }
    if (e.key === '2') {
      send({ type: 'decline' });
      return true;
    }
    return false;
  };
  return el;
}

export function councilDialog(
  scenario: Scenario,
  state: GameState,
  shown: CouncilShown,
  send: (a: Action) => void,
): KeyedElement {
  const text = txt(scenario);
  const body: (HTMLElement | null)[] = [];
  let onKey: ((e: KeyboardEvent) => boolean) | undefined;
  if (shown.step === 'priorities' && shown.pick) {
    // Who votes next, among which priorities and how many are the engine's (view.council.priorities).
    const pick = shown.pick;
    const voter = pick.nextVoter ?? -1;
    const need = pick.prioritiesToPick;
    // Ticks not yet confirmed survive a reload of this tab: kept per decision and voter.
    const ticksKey = `dd.ticks:${location.hash}:${state.log.length}:${voter}:${pick.pick}`;
    const ticked = new Set((readTab(ticksKey) ?? '').split(',').filter(Boolean));
    const boxes = shown.candidates.map((p, i) =>
      h(
        'label',
        { class: 'check' },
        h('input', {
          type: 'checkbox',
          value: p.id,
          'data-key': `priority-${p.id}`,
          checked: ticked.has(p.id),
        }),
        h('span', { class: 'key', 'aria-hidden': 'true' }, `${i + 1}`),
        h(
          'span',
          { class: 'what' },
          h('strong', {}, text(p.name)),
          p.text ? h('span', { class: 'meta' }, text(p.text)) : null,
        ),
      ),
    );
    const status = h('p', { 'aria-live': 'polite' });
    const picked = () => [...form.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    const keepTicks = () => writeTab(ticksKey, picked().join(',') || null);
    const form = h('div', { class: 'stack', onchange: keepTicks }, boxes);
    const confirm = h(
      'button',
      {
        class: 'btn primary',
        type: 'button',
        'data-key': 'confirm-priorities',
        onclick: () => {
          const action = prioritiesAction(pick, picked());
          if (!action) {
            status.textContent = t('council.priorities', { count: need });
            return;
          }
          send(action);
        },
      },
      t('council.confirm'),
    );
    const first = form.querySelector<HTMLElement>('input');
    first?.setAttribute('data-autofocus', '');
    body.push(
      h('h2', {}, t('council.priorities', { count: need })),
      voter >= 0
        ? h(
            'p',
            { 'data-testid': 'priority-voter' },
            t('card.voteFor', { name: state.players[voter]?.name ?? '' }),
          )
        : null,
      pick.tie ? h('p', {}, t('card.tie', { name: state.players[shown.chair]?.name ?? '' })) : null,
      form,
      status,
      h('div', { class: 'actions' }, confirm),
    );
    onKey = (e) => {
      if (/^[1-9]$/.test(e.key)) {
        const box = boxes[Number(e.key) - 1]?.querySelector('input');
        if (box) box.checked = !box.checked;
        keepTicks();
        return true;
      }
      if (e.key === 'Enter') {
        confirm.click();
        return true;
      }
      return false;
    };
  } else if (shown.step === 'transfers') {
    // The same form as on the chair's phone and the room console (transfer-form.ts).
    const form = transferForm({ scenario, balances: state.resources, limits: shown.limits, send });
    const done = h(
      'button',
      {
        class: 'btn primary',
        type: 'button',
        'data-key': 'end-transfers',
        'data-autofocus': true,
        onclick: () => send({ type: 'endTransfers' }),
      },
      t('council.doneTransfers'),
    );
    body.push(h('h2', {}, t('council.transfers')), form, h('div', { class: 'actions' }, done));
  } else if (shown.offer) {
    const offer = investDialog(scenario, shown.offer, send, 'council');
    body.push(h('h2', {}, t('council.investments')), offer);
    onKey = offer.onKey;
  }
  const meetingName = councilName(scenario);
  const el: KeyedElement = h(
    'section',
    { class: 'dialog enter', role: 'dialog', 'aria-labelledby': 'council-title', 'data-testid': 'council' },
    h('div', { class: 'kind' }, icon(Landmark), t('kind.council')),
    // A scenario may name its meeting ("OR-overleg" for a works council).
    h('h1', { id: 'council-title' }, meetingName ? text(meetingName) : t('council.title')),
    body,
  );
  el.onKey = onKey;
  return el;
}
