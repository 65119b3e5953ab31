import { describe, expect, it } from 'vitest';
import { analyseBalance } from './balance';
import { esc, html } from './html';
import { balanceReportHtml } from './report';
import { DILEMMAS, flawed, scenarioWith } from './test-scenarios';

const SCRIPT = '<script>alert(1)</script>';

/** Scenario text that tries to be markup everywhere the report shows text. */
const hostile = scenarioWith({
  title: SCRIPT,
  summary: '<img src=x onerror=alert(2)> & "quotes"',
  meters: [
    { id: 'welzijn', name: '<b>Welzijn</b><script>x</script>', min: 0, max: 20, start: 10 },
    { id: 'werkdruk', name: '</svg><script>y</script>', min: 0, max: 20, start: 10, good: 'low' },
  ],
  resources: [{ id: 'geld', name: '<style>body{}</style>', start: 10000, floor: 0 }],
  decks: [
    {
      id: 'stapel',
      name: 'Stapel',
      cards: DILEMMAS.map((c) => ({
        ...c,
        title: `${SCRIPT} ${c.title}`,
        options: c.options.map((o) => ({ ...o, label: `<a href="https://evil.example/">${o.label}</a>` })),
      })),
    },
  ],
  endings: [
    {
      id: 'bloei',
      title: '<iframe src="https://evil.example/">',
      text: '.',
      when: { meter: 'welzijn', atLeast: 12 },
    },
    { id: 'gewoon', title: `${SCRIPT}`, text: '.' },
  ],
});

describe('the HTML balance report', () => {
  const page = balanceReportHtml(hostile, analyseBalance(hostile, { games: 60, seed: 'html' }));

  it('escapes every scenario text: no script, tag or attribute from the scenario gets through', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img|<iframe|<a |<style>body|<b>/i);
    expect(page).not.toContain('onerror=alert(2)>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(2)&gt; &amp; &quot;quotes&quot;');
  });

  it('is self-contained: no external URL, no linked resource', () => {
    const safe = balanceReportHtml(flawed, analyseBalance(flawed, { games: 40, seed: 'html' }));
    for (const p of [safe, page.replaceAll('https://evil.example/', '')]) {
      expect(p).not.toMatch(/https?:\/\//i);
      // A real tag with a src or href attribute (escaped scenario text has no real `<`).
      expect(p).not.toMatch(/<[a-z][^>]*\s(src|href)\s*=|url\(|@import|<link/i);
    }
    // The hostile labels' URLs are there only as escaped text.
    expect(page).toContain('&lt;a href=&quot;https://evil.example/&quot;&gt;');
  });

  it('holds the charts, the deficit table, the card table and the lists', () => {
    const a = analyseBalance(flawed, { games: 80, seed: 'html' });
    const p = balanceReportHtml(flawed, a, { lang: 'en' });
    expect(p.startsWith('<!doctype html>')).toBe(true);
    expect(p).toContain('<style>');
    expect((p.match(/<svg /g) ?? []).length).toBe(1 + flawed.meters.length + flawed.resources.length);
    expect(p).toContain('Endings per strategy');
    expect(p).toContain('Deficit probability');
    expect(p).toMatch(/<tr class="dominated">.*<code>wachten<\/code>.*DOMINATED by beter/s);
    expect(p).toContain('Investments never affordable (1)');
    expect(p).toContain('<li>paleis</li>');
    expect(p).toContain('<li>hulpvraag / verboden</li>');
    expect(p).toContain('ending &quot;utopie&quot; is never reached by any strategy');
  });

  it('speaks Dutch by default and English with lang en, and says why each problem matters and what to change', () => {
    const a = analyseBalance(flawed, { games: 80, seed: 'html' });
    const nl = balanceReportHtml(flawed, a);
    expect(nl).toContain('<html lang="nl">');
    for (const words of [
      'Belangrijkste bevindingen',
      'Eindes per strategie',
      'Kans op een tekort',
      'Zo leest u dit rapport',
    ])
      expect(nl).toContain(words);
    expect(nl).not.toContain('Key findings');
    // The dominated option: which is better, why that is no dilemma, and what to change.
    expect(nl).toContain(
      'kaart &quot;pilot&quot;: &quot;beter&quot; is op elk punt beter dan &quot;wachten&quot;',
    );
    expect(nl).toContain('Waarom het ertoe doet: niemand heeft reden om &quot;wachten&quot; te kiezen');
    expect(nl).toContain(
      'Wat u kunt veranderen: maak &quot;wachten&quot; goedkoper of geef het een voordeel',
    );
    const en = balanceReportHtml(flawed, a, { lang: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('What to change: make &quot;wachten&quot; cheaper or give it a benefit');
    expect(en).toContain('Why it matters: no table will ever see this ending');
    // Every problem has both.
    for (const page of [nl, en]) {
      const problems = page.match(/<li class="problem">.*?<\/li>/gs) ?? [];
      expect(problems.length).toBeGreaterThan(2);
      for (const li of problems) expect((li.match(/<p>/g) ?? []).length, li).toBe(2);
    }
  });
});

describe('the html template', () => {
  it('escapes strings and numbers and keeps what it built', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${5}${['<', null, false]}</p>`.value).toBe('<p><b>&lt;i&gt;</b>5&lt;</p>');
    expect(esc(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
