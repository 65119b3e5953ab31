/**
 * Loader speed: generated scenarios of 10, 100 and 1,000 cards, each validated several times.
 * Prints the median time per size and per card; the per-card time should stay flat (linear
 * growth; the `yaml` library reads every file, there is no hand-written fast path). Then the
 * largest shipped scenario, a trainer's real file: the `yaml` library alone reads it in well under
 * 0.1 s, and the whole loader (positions, zod, the second-pass checks, freezing) should cost at
 * most 1.6× that bare parse, measured in the same run. Run alone: `npx tsx bench/loader.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { loadScenario } from '../src/scenario';

/** A valid scenario with `cards` cards in decks of 50, written the way trainers write them. */
export function generateScenario(cards: number): string {
  const decks = Math.max(1, Math.ceil(cards / 50));
  const lines: string[] = [
    '# yaml-language-server: $schema=../schema/scenario.schema.json',
    'format: 1',
    `id: bench-${cards}`,
    `title: { nl: "Bench ${cards}", en: "Bench ${cards}" }`,
    'summary: { nl: "Gegenereerd", en: "Generated" }',
    'languages: [nl, en]',
    'players: { min: 2, max: 4 }',
    'rounds: { count: 4, label: { nl: "Kwartaal {{n}}", en: "Quarter {{n}}" } }',
    'resources:',
    '  - { id: wmo, name: { nl: Wmo, en: Social support }, start: 1000000, floor: 0 }',
    '  - { id: jeugd, name: { nl: Jeugd, en: Youth }, start: 800000 }',
    'meters:',
    '  - { id: welzijn, name: { nl: Welzijn, en: Wellbeing }, min: 0, max: 100, start: 60 }',
    '  - { id: werkdruk, name: { nl: Werkdruk, en: Workload }, min: 0, max: 10, start: 5, good: low }',
    'roles:',
    '  - { id: wethouder, name: { nl: Wethouder, en: Alderman }, brief: { nl: "B", en: "B" } }',
    'board:',
    '  spaces:',
    '    - { id: start, kind: start, name: { nl: Start, en: Start } }',
  ];
  for (let d = 0; d < decks; d++) {
    lines.push(
      `    - { id: plek-${d}, kind: draw, deck: stapel-${d}, name: { nl: "Plek ${d}", en: "Place ${d}" } }`,
    );
  }
  lines.push('decks:');
  for (let d = 0; d < decks; d++) {
    lines.push(`  - id: stapel-${d}`, `    name: { nl: "Stapel ${d}", en: "Deck ${d}" }`, '    cards:');
    for (let c = d * 50; c < Math.min(cards, (d + 1) * 50); c++) {
      const next = `kaart-${(c + 1) % cards}`;
      lines.push(
        `      - id: kaart-${c}`,
        '        kind: request',
        `        title: { nl: "Hulpvraag ${c}", en: "Request ${c}" }`,
        `        text: { nl: "Een inwoner vraagt hulp (${c}).", en: "A resident asks for help (${c})." }`,
        '        tags: [wmo]',
        '        when: { round: { atLeast: 1 } }',
        '        options:',
        '          - id: ja',
        '            label: { nl: "Help", en: "Help" }',
        '            effects: [ { resource: wmo, add: -1200 }, { meter: welzijn, add: 1 } ]',
        '          - id: nee',
        '            label: { nl: "Niet nu", en: "Not now" }',
        '            effects:',
        '              - { meter: werkdruk, add: 0.5 }',
        `              - chance: 0.3`,
        `                effects: [ { schedule: { card: ${next}, deck: stapel-${d}, after: 1 } } ]`,
        `            stances: { wethouder: 1 }`,
      );
    }
  }
  lines.push(
    'endings:',
    '  - id: tekort',
    '    when: { resource: total, below: 0 }',
    '    title: { nl: Tekort, en: Deficit }',
    '    text: { nl: "Te veel uitgegeven.", en: "Overspent." }',
    '  - { id: gewoon, title: { nl: Klaar, en: Done }, text: { nl: "Het jaar is om.", en: "The year is over." } }',
    '',
  );
  return lines.join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * In Node, the yaml library reads `process.env.LOG_TOKENS` once per token, and every read of
 * the real `process.env` is a call into C++: about 40% of the parse time. Its browser build
 * (what the game uses) has no such read. A plain-object snapshot of the environment removes
 * the cost in Node too; the CLI does the same.
 */
export function plainEnvironment(): void {
  if (typeof process !== 'undefined') process.env = { ...process.env };
}

/** Median wall and CPU milliseconds of `runs` runs of `work`. */
function timeRuns(work: () => void, runs: number): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    work();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** Median wall and CPU milliseconds of `runs` loads of `text`. */
function timeLoads(text: string, file: string, runs: number): { wall: number; cpu: number } {
  return timeRuns(() => {
    const result = loadScenario(text, file);
    if (!result.ok) throw new Error(`${file} does not load cleanly: ${result.errors[0]?.message}`);
  }, runs);
}

/** The yaml library alone, with the loader's options: the floor the loader is compared with. */
function timeBareYaml(text: string, runs: number): { wall: number; cpu: number } {
  const options = { prettyErrors: false, version: '1.2', schema: 'core', merge: false } as const;
  return timeRuns(() => void parseDocument(text, options).toJS(), runs);
}

export async function benchLoader(): Promise<boolean> {
  plainEnvironment();
  const sizes = [10, 100, 1000];
  const perCard: number[] = [];
  for (const cards of sizes) {
    const text = generateScenario(cards);
    const first = loadScenario(text, `bench-${cards}.yaml`);
    if (!first.ok || first.warnings.length > 0) {
      const problems = [...(first.ok ? [] : first.errors), ...first.warnings];
      console.log(`  generated scenario of ${cards} cards does not load cleanly: ${problems[0]?.message}`);
      continue;
    }
    const runs = cards >= 1000 ? 7 : cards >= 100 ? 15 : 40;
    const { wall, cpu } = timeLoads(text, `bench-${cards}.yaml`, runs);
    perCard.push(cpu / cards);
    const kb = (text.length / 1024).toFixed(0);
    console.log(
      `  ${String(cards).padStart(5)} cards (${kb.padStart(4)} KB): ${wall.toFixed(1).padStart(7)} ms median wall, ` +
        `${cpu.toFixed(1).padStart(7)} ms cpu, ${((cpu / cards) * 1000).toFixed(0).padStart(5)} µs cpu per card`,
    );
  }
  if (perCard.length === sizes.length) {
    const ratio = perCard[2]! / perCard[0]!;
    console.log(
      `  per-card time, 1,000 vs 10 cards: ×${ratio.toFixed(2)} (linear growth keeps this near or below 1)`,
    );
    console.log(
      `  100 cards: ${(perCard[1]! * 100).toFixed(0)} ms cpu (about 60 ms expected on an idle machine)`,
    );
  }
  // The largest shipped scenario: what a trainer's real file costs, start-up included.
  const shipped = readdirSync('scenarios')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ f, text: readFileSync(join('scenarios', f), 'utf8') }))
    .sort((a, b) => b.text.length - a.text.length)[0];
  if (shipped) {
    // Warm both paths first, then interleave them so that a busy spell hits both alike.
    timeBareYaml(shipped.text, 5);
    timeLoads(shipped.text, shipped.f, 5);
    const bare: number[] = [];
    const whole: number[] = [];
    const wholeCpu: number[] = [];
    for (let round = 0; round < 5; round++) {
      bare.push(timeBareYaml(shipped.text, 5).wall);
      const w = timeLoads(shipped.text, shipped.f, 5);
      whole.push(w.wall);
      wholeCpu.push(w.cpu);
    }
    const yamlMs = median(bare);
    const loaderMs = median(whole);
    const ratio = loaderMs / yamlMs;
    const kb = (shipped.text.length / 1024).toFixed(0);
    console.log(
      `  largest shipped scenario, ${shipped.f} (${kb} KB): the yaml library alone ${yamlMs.toFixed(1)} ms ` +
        `(target < 100 ms: ${yamlMs < 100 ? 'ok' : 'MISSED'}); the whole loader ${loaderMs.toFixed(1)} ms wall, ` +
        `${median(wholeCpu).toFixed(1)} ms cpu, ×${ratio.toFixed(2)} the bare parse (target ≤ ×1.6: ` +
        `${ratio <= 1.6 ? 'ok' : 'MISSED'})`,
    );
    return yamlMs < 100 && ratio <= 1.6;
  }
  return true;
}

/** The hostile shapes of issue 26, generated: each must be answered at a cost per byte near a real file's. */
function hostileInputs(): { name: string; text: string }[] {
  const keys = `${Array.from({ length: 101_010 }, (_, i) => `k${i}: 1`).join('\n')}\n`;
  const card = (i: number) =>
    `      - { id: c${i}, kind: request, title: T, text: "${'x'.repeat(1900)}", options: [ { id: a, label: A }, { id: b, label: B } ] }`;
  const decks = ['decks:', '  - id: d0', '    name: D', '    cards: &cards'];
  for (let i = 0; i < 1500; i++) decks.push(card(i));
  for (let i = 1; i < 100; i++) decks.push(`  - { id: d${i}, name: D, cards: *cards }`);
  return [
    { name: '101,010 keys in one map', text: keys },
    { name: 'alias bomb (1,500 cards × 99)', text: `format: 1\nid: x\n${decks.join('\n')}\n` },
    { name: '130,000 closing braces', text: '}'.repeat(130_000) },
  ];
}

/**
 * Validate time per input byte on every shape (issue 26): the largest shipped scenario and
 * 1,000 generated cards (accepted), then the hostile shapes (refused, located). CPU time, the
 * median of three runs (one for the large hostile ones). Target: none above 2× the flagship.
 */
export function benchShapes(): boolean {
  plainEnvironment();
  const shipped = readFileSync(join('scenarios', 'urk-2015.yaml'), 'utf8');
  const inputs = [
    { name: 'urk-2015.yaml (flagship)', text: shipped },
    { name: '1,000 generated cards', text: generateScenario(1000) },
    ...hostileInputs(),
  ];
  const rows: { name: string; kb: number; ms: number; perKb: number; answer: string }[] = [];
  for (const { name, text } of inputs) {
    let answer = '';
    const runs = text.length > 500_000 ? 1 : 3;
    const { cpu } = timeRuns(() => {
      const r = loadScenario(text, 'shape.yaml');
      answer = r.ok ? 'ok' : `${r.errors[0]?.code} at ${r.errors[0]?.line}:${r.errors[0]?.col}`;
    }, runs);
    const kb = text.length / 1024;
    rows.push({ name, kb, ms: cpu, perKb: cpu / kb, answer });
  }
  for (const r of rows)
    console.log(
      `  ${r.name.padEnd(32)} ${r.kb.toFixed(0).padStart(5)} KB ${r.ms.toFixed(0).padStart(6)} ms cpu ` +
        `${(r.perKb * 1000).toFixed(0).padStart(6)} µs/KB  ${r.answer}`,
    );
  // Refusing early is cheaper per byte than loading; the target is that no shape costs more per
  // byte than twice the flagship (a real file).
  const flagship = rows[0]!.perKb;
  const worst = rows.reduce((w, r) => (r.perKb > w.perKb ? r : w), rows[0]!);
  const ratio = worst.perKb / flagship;
  console.log(
    `  slowest per byte: ${worst.name}, ×${ratio.toFixed(2)} the flagship (target ≤ ×2: ${ratio <= 2 ? 'ok' : 'MISSED'})`,
  );
  return ratio <= 2;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchLoader().then(() => benchShapes());
}

/** Importing a session of 20,000 and of 200,000 notes (issue 26): linear is about ×10. */
export async function benchImport(): Promise<boolean> {
  const { playedSession } = await import('../src/persistence/fixtures-played');
  const { exportSessionFile, importSessionFile } = await import('../src/persistence/session-file');
  const withNotes = (n: number) => {
    const session = playedSession(5);
    const notes = Array.from({ length: n }, (_, i) => ({ type: 'note' as const, text: `notitie ${i}` }));
    return exportSessionFile({
      ...session,
      record: { ...session.record, actions: [...session.record.actions, ...notes] },
    }).text;
  };
  const small = withNotes(20_000);
  const large = withNotes(200_000);
  const run = (text: string) => () => {
    if (!importSessionFile(text).ok) throw new Error('bench session does not import');
  };
  run(small)();
  const smallMs = timeRuns(run(small), 3).cpu;
  const largeMs = timeRuns(run(large), 1).cpu;
  const ratio = largeMs / smallMs;
  console.log(
    `  import 20,000 notes ${smallMs.toFixed(0)} ms cpu, 200,000 notes ${largeMs.toFixed(0)} ms cpu: ×${ratio.toFixed(1)} (target ≤ ×10 with a margin, ≤ ×15: ${ratio <= 15 ? 'ok' : 'MISSED'})`,
  );
  return ratio <= 15;
}
