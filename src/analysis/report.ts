/**
 * The balance analysis as one self-contained HTML file: inline CSS and SVG, no script, no
 * external resource (fonts fall back to the system's). Every piece of scenario text goes through
 * the `html` template (escaped); nothing from the scenario is ever markup.
 */
import type { Scenario, Text } from '../scenario/schema';
import { localize } from '../scenario/text';
import type { BalanceAnalysis, StrategyRun } from './balance';
import { rangeChart, stackedBars } from './charts';
import type { Range } from './expected';
import { keyFindings, pct, type ReportLang } from './findings';
import { type Html, html, trusted } from './html';
import { REPORT_WORDS, type ReportWords } from './report-words';

const CSS = trusted(`
body{font-family:"Atkinson Hyperlegible",system-ui,sans-serif;background:#f7f5ef;color:#000;margin:0 auto;max-width:1100px;padding:1.5em;line-height:1.4}
h1{font-size:1.8em;margin:.2em 0}h2{margin-top:1.6em;border-bottom:2px solid #b9b4a7}
table{border-collapse:collapse;margin:.5em 0;font-size:.92em;background:#fff}
th,td{border:1px solid #b9b4a7;padding:.25em .5em;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.dominated td{background:#fde2cf}tr.dominated td.flag{font-weight:bold}
li.problem::marker{content:"✗ "}li.note::marker{content:"• "}
li.problem{color:#000}li.problem>strong{font-weight:bold}li.problem p{margin:.15em 0;font-weight:normal}.muted{color:#3a3a3a}
.charts{display:flex;flex-wrap:wrap;gap:1em}.charts svg{background:#fff;border:1px solid #b9b4a7}
code{font-size:.9em}`);

export interface ReportOptions {
  /**
   * The trainer's language: the report's own words in Dutch (the default) or English (`en`), and
   * the scenario's text in that language when the scenario has it (else its first language).
   */
  lang?: string;
}

export function reportLang(lang: string | undefined): ReportLang {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

export function balanceReportHtml(
  scenario: Scenario,
  a: BalanceAnalysis,
  options: ReportOptions = {},
): string {
  const words = REPORT_WORDS[reportLang(options.lang)];
  const wanted = options.lang ?? 'nl';
  const lang = scenario.languages.includes(wanted) ? wanted : scenario.languages[0];
  const t = (text: Text | undefined) => localize(text, lang, scenario.languages);
  const resourceName = new Map(scenario.resources.map((r) => [r.id, t(r.name)]));
  const meterName = new Map(scenario.meters.map((m) => [m.id, t(m.name)]));
  const endingTitle = new Map(scenario.endings.map((e) => [e.id, t(e.title)]));
  const random = a.strategies.find((s) => s.strategy === 'random') ?? a.strategies[0];
  const findings = keyFindings(a, reportLang(options.lang));

  const endingRows = a.endings.map((e) => {
    const marks = [
      e.id === a.bestEnding ? words.marks.best : '',
      e.immediate ? words.marks.immediate : '',
      e.fallback ? words.marks.fallback : '',
      e.reached ? '' : words.marks.never,
    ].filter(Boolean);
    return html`<tr><td>${endingTitle.get(e.id)} <code>${e.id}</code></td><td>${marks.join(', ')}</td>${a.strategies.map(
      (s) =>
        html`<td class="n">${pct(s.report.games > 0 ? (e.byStrategy[s.strategy] ?? 0) / s.report.games : 0)}</td>`,
    )}</tr>`;
  });

  const page = html`<!doctype html>
<html lang="${reportLang(options.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t(scenario.title)} — ${words.balance}</title><style>${CSS}</style></head><body>
<h1>${t(scenario.title)}</h1>
<p>${t(scenario.summary)}</p>
<p class="muted">${words.meta({ id: scenario.id, games: a.games, players: a.players, seed: a.seed, strategies: a.strategies.map((s) => s.strategy).join(', ') })}</p>

<h2>${words.keyFindings}</h2>
<ul>${findings.map((f) =>
    f.level === 'problem'
      ? html`<li class="problem"><strong>${words.problem}: ${f.text}</strong>${f.why ? html`<p>${words.why}: ${f.why}.</p>` : null}${f.fix ? html`<p>${words.fix}: ${f.fix}.</p>` : null}</li>`
      : html`<li class="note">${f.text}</li>`,
  )}</ul>

<h2 id="endings">${words.endingsPerStrategy}</h2>
${stackedBars(
  a.strategies.map((s) => ({
    label: s.strategy,
    counts: a.endings.map((e) => e.byStrategy[s.strategy] ?? 0),
  })),
  a.endings.map((e) => endingTitle.get(e.id) ?? e.id),
  words.endingsPerStrategy,
)}
<table><tr><th>${words.ending}</th><th></th>${a.strategies.map((s) => html`<th>${s.strategy}</th>`)}</tr>${endingRows}</table>

<h2>${words.deficit}</h2>
<p>${words.deficitIntro}</p>
<table><tr><th>${words.strategy}</th><th>${words.deficitGames}</th><th>${words.failedGames}</th></tr>${a.strategies.map(
    (s) =>
      html`<tr><td>${s.strategy}</td><td class="n">${pct(s.deficitShare)}</td><td class="n">${s.report.errors}</td></tr>`,
  )}</table>

<h2>${words.rounds}</h2>
<p>${words.roundsIntro}</p>
<div class="charts">${random ? roundCharts(scenario, random, meterName, resourceName, words) : null}</div>

<h2 id="cards">${words.cards}</h2>
<p>${words.cardsIntro}</p>
<table><tr>${words.cardHeads.map((head) => html`<th>${head}</th>`)}</tr>
${a.cards.map((card) => cardRows(scenario, card, t, resourceName, meterName, words))}</table>

<h2 id="lists">${words.lists}</h2>
${list(
  words.listTitles.dominated,
  a.dominated.map((d) => `${d.card} / ${d.option} — ${words.dominatedBy.toLowerCase()} ${d.by.join(', ')}`),
  words,
)}
${list(words.listTitles.neverDrawn, a.neverDrawn, words)}
${list(
  words.listTitles.neverOffered,
  a.neverOffered.map((o) => `${o.card} / ${o.option}`),
  words,
)}
${list(words.listTitles.neverAffordable, a.neverAffordable, words)}
${list(words.listTitles.goalsNeverMet, a.goalsNeverMet, words)}
${list(words.listTitles.neverArrives, a.neverArrives.map(words.scheduled), words)}
${list(words.listTitles.warnings, a.warnings, words)}

<h2>${words.howToRead}</h2>
<ul>${words.reading.map(([term, text]) => html`<li><strong>${term}</strong>: ${text}</li>`)}</ul>
</body></html>
`;
  return page.value;
}

function list(title: string, items: string[], words: ReportWords): Html {
  return html`<h3>${title} (${items.length})</h3>${items.length === 0 ? html`<p class="muted">${words.none}</p>` : html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`}`;
}

export function money(n: number): string {
  const abs = Math.abs(Math.round(n)).toLocaleString('nl-NL');
  return n < 0 ? `− € ${abs}` : `+ € ${abs}`;
}

function meterDelta(n: number): string {
  const v = Math.round(n * 100) / 100;
  return v < 0 ? `− ${Math.abs(v)}` : `+ ${v}`;
}

function roundCharts(
  scenario: Scenario,
  run: StrategyRun,
  meterName: Map<string, string>,
  resourceName: Map<string, string>,
  words: ReportWords,
): Html[] {
  const points = (start: number, spreads: { p10: number; p50: number; p90: number; n: number }[]) => [
    { label: 'start', p10: start, p50: start, p90: start },
    ...spreads
      .filter((s) => s.n > 0)
      .map((s, i) => ({ label: String(i + 1), p10: s.p10, p50: s.p50, p90: s.p90 })),
  ];
  const euro = (n: number) => money(n).replace('+ ', '');
  return [
    ...scenario.meters.map((m) =>
      rangeChart(
        points(m.start, run.rounds.meters[m.id] ?? []),
        `${meterName.get(m.id)}${m.good === 'low' ? words.lowerIsBetter : ''}`,
        (n) => String(Math.round(n * 100) / 100),
      ),
    ),
    ...scenario.resources.map((r) =>
      rangeChart(points(r.start, run.rounds.resources[r.id] ?? []), resourceName.get(r.id) ?? r.id, euro),
    ),
  ];
}

function cardRows(
  scenario: Scenario,
  card: BalanceAnalysis['cards'][number],
  t: (text: Text | undefined) => string,
  resourceName: Map<string, string>,
  meterName: Map<string, string>,
  words: ReportWords,
): Html {
  const source = [...scenario.decks.flatMap((d) => d.cards), ...scenario.reserveCards].find(
    (c) => c.id === card.id,
  );
  const title = html`${t(source?.title)} <code>${card.id}</code> <span class="muted">(${card.kind})</span>`;
  const name = (key: string) => {
    const [kind, id] = key.split(':');
    return (kind === 'resource' ? resourceName.get(id) : meterName.get(id)) ?? id;
  };
  const fmt = (key: string, v: number) => (key.startsWith('resource:') ? money(v) : meterDelta(v));
  const range = (key: string, r: Range) =>
    !Number.isFinite(r.lo) || !Number.isFinite(r.hi)
      ? `${name(key)} set`
      : Math.abs(r.hi - r.lo) < 1e-9
        ? `${name(key)} ${fmt(key, r.lo)}`
        : `${name(key)} ${fmt(key, r.lo)} … ${fmt(key, r.hi)}`;
  if (card.options.length === 0)
    return html`<tr><td>${title}</td><td class="n">${card.drawn}</td><td colspan="6" class="muted">${words.eventWithoutOptions}</td></tr>`;
  return html`${card.options.map((o, i) => {
    const label = t(source?.options?.find((x) => x.id === o.id)?.label);
    const mean = o.meanEffect
      ? [
          ...Object.entries(o.meanEffect.resources).map(
            ([id, v]) => `${resourceName.get(id) ?? id} ${money(v)}`,
          ),
          ...Object.entries(o.meanEffect.meters).map(
            ([id, v]) => `${meterName.get(id) ?? id} ${meterDelta(v)}`,
          ),
        ].join(', ')
      : '—';
    const expected = Object.entries(o.expected)
      .map(([key, r]) => range(key, r))
      .join(', ');
    const dominated = o.dominatedBy.length > 0;
    return html`<tr${dominated ? html` class="dominated"` : null}>${
      i === 0
        ? html`<td rowspan="${card.options.length}">${title}</td><td class="n" rowspan="${card.options.length}">${card.drawn}</td>`
        : null
    }<td>${label} <code>${o.id}</code></td><td class="n">${o.offered}</td><td class="n">${pct(o.pickRate)}</td><td>${mean}</td><td>${expected || '—'}</td><td class="flag">${dominated ? `${words.dominatedBy} ${o.dominatedBy.join(', ')}` : ''}</td></tr>`;
  })}`;
}
