/**
 * The board: dice and movement around the loop of spaces.
 *
 * A roll throws `dice.count` dice of `dice.sides` sides from the `dice` stream (one number per
 * die) and moves the active token forward by the sum, wrapping around. The `start` space's
 * effects apply once for every time the token passes it and once more when it lands on it
 * (passing and landing are both "reaching index 0": floor((from + sum) / spaces)). The space
 * landed on is then resolved by the flow (see flow.ts).
 */
import type { Scenario, Space } from '../scenario/schema';
import { type Ctx, emptyDeltas, log, playerOf, random } from './draft';
import { applyEffects } from './effects';
import type { Seat } from './types';

/** A turn on a board rolls the dice; without one it draws from the turn deck. */
export function turnActionOf(scenario: Scenario): 'roll' | 'draw' {
  return scenario.board ? 'roll' : 'draw';
}

/** Throws the dice: one number from the `dice` stream per die. */
export function throwDice(ctx: Ctx): number[] {
  const { count, sides } = ctx.scenario.board?.dice ?? { count: 1, sides: 6 };
  const dice: number[] = [];
  for (let i = 0; i < count; i++) dice.push(1 + Math.floor(random(ctx, 'dice') * sides));
  return dice;
}

/** The spaces a token passes through moving `steps` forward from `from`, the last where it lands. */
export function walk(from: number, steps: number, spaces: number): number[] {
  const out: number[] = [];
  if (spaces <= 0) return out;
  for (let i = 1; i <= steps; i++) out.push((from + i) % spaces);
  return out;
}

/** Where a token lands and how often it reaches the start space on the way (landing included). */
export function moveBy(from: number, steps: number, spaces: number): { to: number; passedStart: number } {
  return { to: (from + steps) % spaces, passedStart: Math.floor((from + steps) / spaces) };
}

/** Rolls and moves the seat's token, applying start effects per pass; returns the space landed on. */
export function rollAndMove(ctx: Ctx, seat: Seat): Space {
  const board = ctx.scenario.board;
  if (!board) throw new Error('rollAndMove without a board');
  const dice = throwDice(ctx);
  const sum = dice.reduce((a, b) => a + b, 0);
  const player = playerOf(ctx, seat);
  const from = player.space;
  const { to, passedStart } = moveBy(from, sum, board.spaces.length);
  player.space = to;
  const deltas = emptyDeltas();
  const cause = log(ctx, {
    at: ctx.s.round,
    seat: ctx.seat,
    kind: 'roll',
    dice,
    from,
    to,
    passedStart,
    deltas,
  });
  const start = board.spaces[0];
  if (start.kind === 'start' && start.effects.length > 0) {
    for (let i = 0; i < passedStart; i++) applyEffects(ctx, start.effects, { deltas, factor: 1, cause });
  }
  const space = board.spaces[to];
  log(ctx, { at: ctx.s.round, seat: ctx.seat, kind: 'land', space: space.id });
  return space;
}
