/**
 * The board on the Play tab: the spaces in order, each player's token on the space the engine's
 * view says, and the last roll (its dice and where it went) from the game's log. A strip rather
 * than the game's Phaser board: the tab is narrow, and a trainer checks which space a roll
 * reaches and what it triggers, not the look. Read only — nothing here computes a move.
 */

import type { GameState } from '../engine/types';
import type { View } from '../engine/view';
import { currentLang, t } from '../i18n';
import type { Scenario } from '../scenario/schema';
import { localize } from '../scenario/text';
import { h } from '../ui/dom';

export function boardStrip(scenario: Scenario, state: GameState, v: View): HTMLElement | null {
  const board = scenario.board;
  if (!board) return null;
  const text = (x: Parameters<typeof localize>[0]) => localize(x, currentLang(), scenario.languages);
  const roll = lastRoll(state);
  return h(
    'section',
    {
      class: 'studio-board',
      'data-testid': 'studio-board',
      'aria-label': t('studio.play.board'),
      // Each seat's space as the engine's view has it, in seat order (what the tokens are drawn from).
      'data-positions': v.players.map((p) => p.space).join(','),
    },
    roll
      ? h(
          'p',
          { class: 'note', 'data-testid': 'studio-roll' },
          t('studio.play.rolled', {
            dice: roll.dice.join(' + '),
            space: text(board.spaces[roll.to]?.name ?? ''),
          }),
        )
      : null,
    h(
      'ol',
      { class: 'studio-spaces' },
      board.spaces.map((space, i) => {
        const here = v.players.filter((p) => p.space === i);
        return h(
          'li',
          {
            class: `studio-space kind-${space.kind}${here.some((p) => p.seat === v.activeSeat) ? ' active' : ''}`,
            'data-space': i,
            'data-space-id': space.id,
          },
          h('span', { class: 'studio-space-name' }, text(space.name)),
          here.map((p) =>
            h('span', { class: 'studio-token', 'data-token': p.seat, title: p.name }, String(p.seat + 1)),
          ),
        );
      }),
    ),
  );
}

/** The newest roll in the log, if any. */
function lastRoll(state: GameState): { dice: number[]; to: number } | null {
  for (let i = state.log.length - 1; i >= 0; i--) {
    const e = state.log[i];
    if (e.kind === 'roll') return { dice: e.dice, to: e.to };
  }
  return null;
}
