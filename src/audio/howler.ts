/**
 * The browser's sound adapter. Phaser runs with `audio.noAudio`, so this is the only audio
 * context. Howler unlocks audio on the first click or key (the "Start workshop" button).
 * Every requested cue is also recorded, so browser tests can see what the table would hear.
 */
import { Howl, Howler } from 'howler';
import { CUES, type Cue, type SoundPort, storedMuted, storeMuted } from './port';

const urls = import.meta.glob('../../assets/sounds/*.wav', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export class HowlerSound implements SoundPort {
  private readonly howls = new Map<Cue, Howl>();
  readonly requested: Cue[] = [];
  muted = storedMuted();

  constructor() {
    Howler.mute(this.muted);
  }

  play(cue: Cue): void {
    this.requested.push(cue);
    if (this.muted) return;
    this.howl(cue)?.play();
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    Howler.mute(muted);
    storeMuted(muted);
  }

  private howl(cue: Cue): Howl | undefined {
    let howl = this.howls.get(cue);
    if (!howl) {
      const url = urls[`../../assets/sounds/${cue}.wav`];
      if (!url || !CUES.includes(cue)) return undefined;
      howl = new Howl({ src: [url], format: ['wav'], volume: 0.6 });
      this.howls.set(cue, howl);
    }
    return howl;
  }
}
