/**
 * The Cards tab: every card as the table will see it — kind, title, text, options — in each of
 * the scenario's languages side by side, with what each option costs and moves as written
 * (before priorities). A click on a card puts the editor's cursor on it.
 */
import { t } from '../i18n';
import { formatMeterDelta, formatMoneyDelta } from '../i18n/money';
import type { Card, Effect, Scenario } from '../scenario/schema';
import { localize } from '../scenario/text';
import { h } from '../ui/dom';
import { effectsText } from '../ui/effects-text';

/** The money and meter changes of an option's effects, named in `lang`. */
export function effectWords(scenario: Scenario, effects: readonly Effect[], lang: string): string {
  const name = (list: readonly { id: string; name: Parameters<typeof localize>[0] }[], id: string) =>
    localize(list.find((x) => x.id === id)?.name ?? id, lang, scenario.languages);
  const parts: string[] = [];
  for (const e of effects) {
    if ('resource' in e && 'add' in e)
      parts.push(`${name(scenario.resources, e.resource)} ${formatMoneyDelta(e.add)}`);
    else if ('meter' in e && 'add' in e) {
      const good = scenario.meters.find((m) => m.id === e.meter)?.good ?? 'high';
      parts.push(`${name(scenario.meters, e.meter)} ${formatMeterDelta(e.add, good, lang)}`);
    } else {
      const other = effectsText(scenario, [e]);
      if (other) parts.push(other);
    }
  }
  return parts.join(' · ');
}

function cardIn(scenario: Scenario, card: Card, lang: string): HTMLElement {
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, scenario.languages);
  return h(
    'div',
    { class: 'studio-card-face', lang },
    h('span', { class: 'lang' }, lang.toUpperCase()),
    h('strong', { class: 'title' }, text(card.title)),
    card.text ? h('p', {}, text(card.text)) : null,
    card.effects?.length ? h('p', { class: 'cost' }, effectWords(scenario, card.effects, lang)) : null,
    card.options?.length
      ? h(
          'ol',
          { class: 'studio-options' },
          card.options.map((o) =>
            h(
              'li',
              { 'data-option': o.id },
              h('span', { class: 'label' }, text(o.label)),
              ' ',
              h('span', { class: 'cost' }, effectWords(scenario, o.effects, lang) || t('card.free')),
            ),
          ),
        )
      : null,
  );
}

export function cardsTab(scenario: Scenario, onCard: (id: string) => void): HTMLElement {
  const all = [
    ...scenario.decks.flatMap((d) => d.cards.map((card) => ({ card, deck: d.id as string | null }))),
    ...scenario.reserveCards.map((card) => ({ card, deck: null as string | null })),
  ];
  return h(
    'div',
    { class: 'studio-cards', 'data-testid': 'studio-cards' },
    h('p', {}, t('studio.cards.count', { count: all.length })),
    all.map(({ card, deck }) =>
      h(
        'article',
        { class: 'studio-card', 'data-card': card.id },
        h(
          'button',
          { class: 'btn small link', type: 'button', onclick: () => onCard(card.id) },
          `${t(`kind.${card.kind}`)} · ${card.id} · ${deck ?? t('studio.cards.reserve')}`,
        ),
        h(
          'div',
          { class: 'faces' },
          scenario.languages.map((lang) => cardIn(scenario, card, lang)),
        ),
      ),
    ),
  );
}
