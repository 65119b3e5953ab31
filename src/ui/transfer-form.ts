/**
 * Moving money between budgets at a council meeting, one form for every screen: the laptop's
 * council dialog, the chair's phone and the room console. The amount is typed as a council says
 * it ("100.000", "€ 5.000,50"), the move is asked in words and euros before it is sent, and what
 * cannot be moved says why. The limits are the engine's (`view.council.transferLimits`); the
 * engine checks the move again when it arrives.
 */
import { parseMoney } from '../engine/money';
import type { Action } from '../engine/types';
import { currentLang, t } from '../i18n';
import { formatMoney } from '../i18n/money';
import type { Scenario } from '../scenario/schema';
import { localize } from '../scenario/text';
import { h } from './dom';

export interface TransferFormInput {
  scenario: Scenario;
  /** Each budget's balance now, by resource id (shown beside its name). */
  balances: Record<string, number>;
  /** The most each budget may give now (the view's `council.transferLimits`). */
  limits: Record<string, number>;
  send: (a: Action) => void;
  /** Room screens: touch-sized buttons. */
  big?: boolean;
}

/**
 * The form as one element. Its listeners are its own (not patched in from a rebuild): a screen
 * that repaints while someone types keeps this element and puts it back as itself (patch.ts).
 */
export function transferForm(input: TransferFormInput): HTMLElement {
  const { scenario, balances, limits, send } = input;
  const lang = currentLang() === 'en' ? 'en' : 'nl';
  const text = (v: Parameters<typeof localize>[0]) => localize(v, currentLang(), scenario.languages);
  const btnClass = (primary: boolean) => `btn${input.big ? ' big' : ''}${primary ? ' primary' : ''}`;
  const options = (selected: string) =>
    scenario.resources.map((r) =>
      h(
        'option',
        { value: r.id, selected: r.id === selected },
        `${text(r.name)} (${formatMoney(balances[r.id] ?? 0)})`,
      ),
    );
  const from = h(
    'select',
    { 'data-key': 'transfer-from', 'aria-label': t('council.from') },
    options(scenario.resources[0]?.id ?? ''),
  ) as HTMLSelectElement;
  const to = h(
    'select',
    { 'data-key': 'transfer-to', 'aria-label': t('council.to') },
    options(scenario.resources[1]?.id ?? ''),
  ) as HTMLSelectElement;
  const amount = h('input', {
    // Text, not a number field: a browser reads "100.000" there as one hundred (issue 21).
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    'data-key': 'transfer-amount',
    'aria-label': t('council.amount'),
    placeholder: lang === 'en' ? '100,000' : '100.000',
    value: '',
  }) as HTMLInputElement;
  const status = h('p', {
    class: 'transfer-status',
    'data-testid': 'transfer-status',
    'aria-live': 'polite',
  });
  const ask = h('div', {
    class: 'facil-confirm transfer-confirm',
    'data-testid': 'transfer-confirm',
    hidden: true,
  });
  const nameOf = (id: string) => {
    const r = scenario.resources.find((x) => x.id === id);
    return r ? text(r.name) : id;
  };
  /** Reads the form; says what is wrong, or asks to confirm the move in words and euros. */
  const propose = () => {
    const check = transferCheck(amount.value, from.value, to.value, limits, lang);
    ask.hidden = true;
    if (!check.ok) {
      status.textContent = t(`council.refuse.${check.reason}`, {
        typed: amount.value.trim().slice(0, 40),
        from: nameOf(from.value),
        max: formatMoney(limits[from.value] ?? 0),
      });
      return;
    }
    status.textContent = '';
    const question = t('council.confirmTransfer', {
      amount: formatMoney(check.amount),
      from: nameOf(from.value),
      to: nameOf(to.value),
    });
    const move: Action = { type: 'transfer', from: from.value, to: to.value, amount: check.amount };
    const yes = h(
      'button',
      {
        class: btnClass(true),
        type: 'button',
        'data-key': 'transfer-yes',
        onclick: () => {
          ask.hidden = true;
          send(move);
        },
      },
      t('council.yesTransfer'),
    );
    const no = h(
      'button',
      {
        class: btnClass(false),
        type: 'button',
        'data-key': 'transfer-no',
        onclick: () => {
          ask.hidden = true;
          amount.focus();
        },
      },
      t('council.noTransfer'),
    );
    ask.replaceChildren(h('strong', { role: 'alert' }, question), yes, no);
    ask.hidden = false;
    yes.focus();
  };
  amount.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    // Enter in the amount proposes this move (not "done with transfers", the dialog's Enter).
    e.stopPropagation();
    e.preventDefault();
    propose();
  });
  return h(
    'div',
    { class: 'transfer-form', 'data-testid': 'transfer-form' },
    h(
      'div',
      { class: 'row' },
      h('label', { class: 'field' }, t('council.from'), from),
      h('label', { class: 'field' }, t('council.to'), to),
      h('label', { class: 'field' }, t('council.amount'), amount),
      h(
        'button',
        { class: btnClass(false), type: 'button', 'data-key': 'transfer', onclick: propose },
        t('council.transfer'),
      ),
    ),
    status,
    ask,
    h(
      'p',
      { 'data-testid': 'transfer-limits' },
      scenario.resources.map((r) => `${text(r.name)}: max ${formatMoney(limits[r.id] ?? 0)}`).join(' · '),
    ),
  );
}

export type TransferCheck =
  | { ok: true; amount: number }
  | { ok: false; reason: 'empty' | 'not-a-number' | 'not-positive' | 'too-large' | 'same' | 'over-limit' };

/** Whether a typed move can be proposed: an amount (either notation), two budgets, within the limit. */
export function transferCheck(
  typed: string,
  from: string,
  to: string,
  limits: Record<string, number>,
  lang: 'nl' | 'en',
): TransferCheck {
  const parsed = parseMoney(typed, lang);
  if (!parsed.ok) return parsed;
  if (from === to) return { ok: false, reason: 'same' };
  if (parsed.amount > (limits[from] ?? 0)) return { ok: false, reason: 'over-limit' };
  return parsed;
}
