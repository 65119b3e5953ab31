// @vitest-environment happy-dom
/**
 * The projector's discussion timer: it stands still while the room is paused and goes on from
 * there, and starts again for each new decision, each of a council's offers in a row included.
 * Time is vitest's fake clock, moved by hand.
 */
import { afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n';
import type { SeatView } from '../../protocol/room';
import { DiscussionTimer } from './timer';

beforeAll(() => initI18n('nl'));
beforeEach(() => {
  vi.useFakeTimers();
  localStorage.setItem('dd.room.timerMs', '120000');
});
afterEach(() => vi.useRealTimers());

/** A seat view at a council's investments step, offering `investment`. */
const at = (investment: string, paused = false) =>
  ({
    paused,
    view: {
      phase: 'council',
      round: 2,
      activeSeat: 0,
      card: null,
      invest: null,
      council: { after: 1, step: 'investments', offer: { investment } },
    },
  }) as unknown as SeatView;

const shows = (timer: DiscussionTimer) => timer.element.textContent?.replace(/^.*: /, '');

it('stands still while paused and goes on from where it stood', () => {
  const timer = new DiscussionTimer();
  timer.update(at('dijk'));
  vi.advanceTimersByTime(30_000);
  expect(shows(timer)).toBe('1:30');
  timer.update(at('dijk', true));
  vi.advanceTimersByTime(45_000);
  expect(shows(timer)).toBe('1:30');
  timer.update(at('dijk'));
  vi.advanceTimersByTime(10_000);
  expect(shows(timer)).toBe('1:20');
  timer.stop();
});

it('starts again for the next council offer', () => {
  const timer = new DiscussionTimer();
  timer.update(at('dijk'));
  vi.advanceTimersByTime(100_000);
  expect(shows(timer)).toBe('0:20');
  timer.update(at('gemaal'));
  expect(shows(timer)).toBe('2:00');
  timer.stop();
});
