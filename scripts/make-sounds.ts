/**
 * Synthesises the game's sound cues as small mono WAV files in assets/sounds/. The output is
 * committed, so the game works offline and every sound is ours. Run: npx tsx scripts/make-sounds.ts
 *
 * Cues are soft and short (LOOK-AND-FEEL, Sound): sine tones with a gentle envelope, and a bit of
 * filtered noise for the dice and the card.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RATE = 22050;

type Voice = (t: number, i: number) => number;

/** A deterministic noise source (no Math.random), so a re-run writes identical files. */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return (s / 0xffffffff) * 2 - 1;
  };
}

function envelope(t: number, length: number, attack = 0.01): number {
  if (t < attack) return t / attack;
  return Math.max(0, 1 - (t - attack) / (length - attack)) ** 2;
}

function tone(freq: number, start: number, length: number, gain = 0.35): Voice {
  return (t) => {
    const local = t - start;
    if (local < 0 || local > length) return 0;
    return gain * envelope(local, length) * Math.sin(2 * Math.PI * freq * local);
  };
}

function clicks(times: number[], seed: number, gain = 0.3): Voice {
  const rnd = noise(seed);
  let last = 0;
  return (t) => {
    for (const at of times) {
      const local = t - at;
      if (local >= 0 && local < 0.04) {
        last = last * 0.6 + rnd() * 0.4; // a little low-pass keeps it soft
        return gain * envelope(local, 0.04, 0.002) * last;
      }
    }
    return 0;
  };
}

function sweep(from: number, to: number, start: number, length: number, gain = 0.25): Voice {
  return (t) => {
    const local = t - start;
    if (local < 0 || local > length) return 0;
    const f = from + (to - from) * (local / length);
    return gain * envelope(local, length, 0.02) * Math.sin(2 * Math.PI * f * local);
  };
}

const CUES: Record<string, { length: number; voices: Voice[] }> = {
  dice: { length: 0.45, voices: [clicks([0, 0.07, 0.15, 0.26, 0.38], 7)] },
  card: { length: 0.3, voices: [clicks([0, 0.05, 0.1, 0.15], 11, 0.18), sweep(900, 500, 0, 0.25, 0.06)] },
  coin: { length: 0.45, voices: [tone(1319, 0, 0.12, 0.22), tone(1760, 0.08, 0.35, 0.22)] },
  gain: { length: 0.6, voices: [tone(523, 0, 0.25), tone(659, 0.12, 0.25), tone(784, 0.24, 0.35)] },
  loss: { length: 0.6, voices: [tone(440, 0, 0.3), tone(349, 0.18, 0.4)] },
  consequence: { length: 0.8, voices: [tone(392, 0, 0.5, 0.25), tone(466, 0.2, 0.55, 0.2)] },
  round: { length: 0.9, voices: [tone(523, 0, 0.4, 0.22), tone(784, 0.15, 0.7, 0.22)] },
  ending: {
    length: 1.4,
    voices: [tone(523, 0, 0.6), tone(659, 0.2, 0.7), tone(784, 0.4, 0.8), tone(1047, 0.6, 0.8, 0.2)],
  },
  timer: { length: 0.9, voices: [tone(880, 0, 0.3, 0.2), tone(880, 0.4, 0.4, 0.2)] },
};

function wav(samples: Float32Array): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => {
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s)) * 32767), i * 2);
  });
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const out = join(import.meta.dirname, '..', 'assets', 'sounds');
mkdirSync(out, { recursive: true });
for (const [name, cue] of Object.entries(CUES)) {
  const samples = new Float32Array(Math.round(cue.length * RATE));
  for (let i = 0; i < samples.length; i++) {
    const t = i / RATE;
    samples[i] = cue.voices.reduce((sum, v) => sum + v(t, i), 0);
  }
  writeFileSync(join(out, `${name}.wav`), wav(samples));
  console.log(`${name}.wav ${samples.length} samples`);
}
