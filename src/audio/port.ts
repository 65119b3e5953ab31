/**
 * The sound port: the game asks for a cue by name; an adapter decides how (howler in the
 * browser, a recorder in tests). Only src/audio/howler.ts imports howler.
 */
export const CUES = [
  'dice',
  'card',
  'coin',
  'gain',
  'loss',
  'consequence',
  'round',
  'ending',
  'timer',
] as const;
export type Cue = (typeof CUES)[number];

export interface SoundPort {
  play(cue: Cue): void;
  setMuted(muted: boolean): void;
  readonly muted: boolean;
}

const MUTE_KEY = 'dd.muted';

export function storedMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

export function storeMuted(muted: boolean): void {
  try {
    localStorage.setItem(MUTE_KEY, muted ? '1' : '0');
  } catch {
    // storage blocked: the choice lasts this session only
  }
}
