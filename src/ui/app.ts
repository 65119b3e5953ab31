/**
 * The shell's frame: which screen is up, the global keys (language, sound, text size, help),
 * and re-rendering everything when the language changes. Screens are functions that build
 * their DOM from what they are given; they never keep game state of their own.
 */

import { Volume2, VolumeX } from 'lucide-static';
import type { SoundPort } from '../audio/port';
import { onLangChange, t, toggleLang } from '../i18n';
import { byId, clear, h, icon, isTextEntry } from './dom';
import { showHelp } from './help';

export type KeyHandler = (event: KeyboardEvent) => boolean;

export interface Screen {
  render(): HTMLElement;
  /** Keys for this screen; return true when handled. */
  onKey?: KeyHandler;
  /** Called when the screen is replaced. */
  leave?(): void;
}

const SCALES = [1, 1.25, 1.5];
const SCALE_KEY = 'dd.textScale';

export class App {
  private screen: Screen | null = null;
  private readonly layers: KeyHandler[] = [];
  private scaleIndex = 0;
  /** Extra re-render hooks for the game view (topbar, HUD, dialogs). */
  private readonly renderers = new Set<() => void>();
  /**
   * The facilitator's tools (the console toggle, the discussion timer): one element, moved into
   * the row of controls that is on screen, so it sits beside the other buttons and never floats
   * over a control or a value.
   */
  private readonly tools = h('span', { class: 'tools' });

  constructor(readonly sound: SoundPort) {
    try {
      this.scaleIndex = Math.max(0, SCALES.indexOf(Number(localStorage.getItem(SCALE_KEY) ?? '1')));
    } catch {
      // default size
    }
    this.applyScale();
    onLangChange(() => this.rerender());
    window.addEventListener('keydown', (e) => this.key(e));
  }

  show(screen: Screen): void {
    this.screen?.leave?.();
    this.screen = screen;
    this.paint();
  }

  /** Remove the full-screen layer, uncovering the board. */
  hideScreen(): void {
    this.screen?.leave?.();
    this.screen = null;
    clear(byId('screen'));
    // The tools go back to the top bar's controls, uncovered with the board.
    byId('topbar').querySelector('.controls')?.prepend(this.tools);
  }

  /** Put a facilitator's tool (a button, the timer) in the controls row, before the others. */
  addTool(el: HTMLElement): void {
    this.tools.append(el);
  }

  onRender(fn: () => void): () => void {
    this.renderers.add(fn);
    return () => this.renderers.delete(fn);
  }

  /** A key layer above the screen (a dialog); the topmost handles keys first. */
  pushKeys(handler: KeyHandler): () => void {
    this.layers.push(handler);
    return () => {
      const i = this.layers.indexOf(handler);
      if (i >= 0) this.layers.splice(i, 1);
    };
  }

  rerender(): void {
    this.paint();
    for (const fn of this.renderers) fn();
  }

  toggleSound(): void {
    this.sound.setMuted(!this.sound.muted);
    this.announce(this.sound.muted ? t('start.soundOff') : t('start.soundOn'));
    this.rerender();
  }

  textSize(step: 1 | -1): void {
    this.scaleIndex = Math.min(SCALES.length - 1, Math.max(0, this.scaleIndex + step));
    this.applyScale();
    try {
      localStorage.setItem(SCALE_KEY, String(SCALES[this.scaleIndex]));
    } catch {
      // not remembered
    }
    window.dispatchEvent(new Event('resize'));
  }

  get largerText(): boolean {
    return this.scaleIndex > 0;
  }

  announce(text: string): void {
    byId('live').textContent = text;
  }

  /**
   * The language, sound, text size and help buttons shown on every screen; compact for the top
   * bar. The facilitator's tools join the row on screen: a full-screen layer's while one is up
   * (it covers the top bar), else the top bar's.
   */
  controls(compact = false): HTMLElement {
    const tools = compact && this.screen ? null : this.tools;
    return h(
      'div',
      { class: 'controls' },
      tools,
      h(
        'button',
        {
          class: 'btn small',
          type: 'button',
          'aria-label': t('controls.languageName'),
          lang: t('controls.language') === 'English' ? 'en' : 'nl',
          onclick: () => toggleLang(),
        },
        compact ? (t('controls.language') === 'English' ? 'EN' : 'NL') : t('controls.language'),
      ),
      h(
        'button',
        {
          class: 'btn small',
          type: 'button',
          'aria-pressed': String(!this.sound.muted),
          'aria-label': compact ? t('start.sound') : undefined,
          onclick: () => this.toggleSound(),
        },
        compact
          ? icon(
              this.sound.muted ? VolumeX : Volume2,
              this.sound.muted ? t('start.soundOff') : t('start.soundOn'),
            )
          : this.sound.muted
            ? t('start.soundOff')
            : t('start.soundOn'),
      ),
      h(
        'button',
        {
          class: 'btn small',
          type: 'button',
          'aria-label': t('controls.smaller'),
          onclick: () => this.textSize(-1),
        },
        'A−',
      ),
      h(
        'button',
        {
          class: 'btn small',
          type: 'button',
          'aria-label': t('controls.larger'),
          onclick: () => this.textSize(1),
        },
        'A+',
      ),
      h(
        'button',
        { class: 'btn small', type: 'button', 'aria-label': t('help.open'), onclick: () => showHelp(this) },
        '?',
      ),
    );
  }

  private paint(): void {
    const root = byId('screen');
    if (!this.screen) return;
    const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.key;
    root.replaceChildren(this.screen.render());
    restoreFocus(root, focusKey);
  }

  private applyScale(): void {
    document.documentElement.style.setProperty('--text-scale', String(SCALES[this.scaleIndex]));
  }

  private key(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const typing = isTextEntry(e.target);
    for (let i = this.layers.length - 1; i >= 0; i--) {
      if (this.layers[i](e)) {
        e.preventDefault();
        return;
      }
    }
    if (typing) return;
    if (this.screen?.onKey?.(e)) {
      e.preventDefault();
      return;
    }
    const key = e.key;
    let handled = true;
    if (key === 'l' || key === 'L') toggleLang();
    else if (key === 'm' || key === 'M') this.toggleSound();
    else if (key === '+' || key === '=') this.textSize(1);
    else if (key === '-' || key === '_') this.textSize(-1);
    else if (key === '?') showHelp(this);
    else handled = false;
    if (handled) e.preventDefault();
  }
}

/** After a re-render, put focus back on the control that had it (matched by data-key). */
export function restoreFocus(root: HTMLElement, key: string | undefined): void {
  if (!key) return;
  const el = root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
  el?.focus();
}
