import type { Cue, SoundPort } from './port';

/** A sound port that records what was asked for, so tests assert cues, not audio output. */
export class RecordingSound implements SoundPort {
  readonly played: Cue[] = [];
  muted = false;
  play(cue: Cue): void {
    if (!this.muted) this.played.push(cue);
  }
  setMuted(muted: boolean): void {
    this.muted = muted;
  }
}
