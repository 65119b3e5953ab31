/**
 * The discussion timer on the projector in room mode: it starts again whenever a new decision
 * comes on the table and counts down the length the facilitator chose (kept on this laptop, and
 * followed from the console's own window). It stands still while the room is paused, as the
 * laptop's does, and goes on from where it stood.
 * A clock of the shell only: it never acts in the game, and the server knows nothing of it.
 */
import { t } from '../../i18n';
import type { SeatView } from '../../protocol/room';
import { h } from '../dom';
import { clock, TIMER_CHOICES } from '../facilitator/model';

const KEY = 'dd.room.timerMs';

export class DiscussionTimer {
  readonly element = h('p', { class: 'room-timer', 'data-testid': 'room-timer', 'aria-live': 'off' });
  private length = stored();
  private decision = '';
  private endsAt = 0;
  /** While paused: the time that was left when the pause began; null while the table plays. */
  private frozen: number | null = null;
  private ticking: ReturnType<typeof setInterval> | null = null;
  /** The length chosen in the console's own window (same laptop, same storage) holds here too. */
  private readonly chosenElsewhere = (e: StorageEvent) => {
    if (e.key !== KEY) return;
    this.length = stored();
    this.restart();
    this.paint();
  };

  constructor() {
    window.addEventListener('storage', this.chosenElsewhere);
  }

  /**
   * Called with every view: a new card, offer or council step starts the clock again (each of
   * a council's offers in a row too); a pause holds it, and resuming goes on from there.
   */
  update(sv: SeatView): void {
    const v = sv.view;
    const key = JSON.stringify([
      v.phase,
      v.round,
      v.activeSeat,
      v.card?.card,
      v.council?.after,
      v.council?.step,
      v.council?.offer?.investment,
      v.invest?.investment,
    ]);
    if (sv.paused && this.frozen === null) this.frozen = this.endsAt - Date.now();
    if (!sv.paused && this.frozen !== null) {
      this.endsAt = Date.now() + this.frozen;
      this.frozen = null;
    }
    if (key !== this.decision) {
      this.decision = key;
      this.restart();
    }
    this.paint();
    this.ticking ??= setInterval(() => this.paint(), 1000);
  }

  /** The choice of length, for the facilitator's controls. */
  select(): HTMLElement {
    const select = h(
      'select',
      { 'data-key': 'room-timer-length', 'aria-label': t('facil.timerLength') },
      TIMER_CHOICES.map((ms) =>
        h(
          'option',
          { value: String(ms), selected: ms === this.length },
          ms === 0 ? t('facil.noTimer') : clock(ms),
        ),
      ),
    ) as HTMLSelectElement;
    select.addEventListener('change', () => {
      this.length = Number(select.value);
      this.restart();
      try {
        localStorage.setItem(KEY, String(this.length));
      } catch {
        // private mode: the choice holds for this page
      }
      this.paint();
    });
    return h('label', {}, t('facil.timerLength'), ' ', select);
  }

  stop(): void {
    window.removeEventListener('storage', this.chosenElsewhere);
    if (this.ticking) clearInterval(this.ticking);
    this.ticking = null;
  }

  /** The full length again: from now, or held at the full length while paused. */
  private restart(): void {
    if (this.frozen !== null) this.frozen = this.length;
    else this.endsAt = Date.now() + this.length;
  }

  private paint(): void {
    this.element.hidden = this.length === 0;
    const left = this.frozen ?? this.endsAt - Date.now();
    this.element.textContent = `${t('facil.timer')}: ${clock(left)}`;
    this.element.classList.toggle('over', left <= 0);
  }
}

function stored(): number {
  try {
    const ms = Number(localStorage.getItem(KEY) ?? '0');
    return TIMER_CHOICES.includes(ms) ? ms : 0;
  } catch {
    return 0;
  }
}
