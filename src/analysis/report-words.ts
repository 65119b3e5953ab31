/**
 * The fixed words of the HTML balance report, in Dutch (the default: the trainer's language) and
 * English. Scenario text is never here: it comes from the file, in the language asked for.
 */
import type { ReportLang } from './findings';

export interface ReportWords {
  balance: string;
  meta: (p: { id: string; games: number; players: number; seed: string; strategies: string }) => string;
  keyFindings: string;
  problem: string;
  why: string;
  fix: string;
  endingsPerStrategy: string;
  ending: string;
  marks: { best: string; immediate: string; fallback: string; never: string };
  deficit: string;
  deficitIntro: string;
  strategy: string;
  deficitGames: string;
  failedGames: string;
  rounds: string;
  roundsIntro: string;
  lowerIsBetter: string;
  cards: string;
  cardsIntro: string;
  cardHeads: [string, string, string, string, string, string, string, string];
  eventWithoutOptions: string;
  dominatedBy: string;
  lists: string;
  listTitles: {
    dominated: string;
    neverDrawn: string;
    neverOffered: string;
    neverAffordable: string;
    goalsNeverMet: string;
    neverArrives: string;
    warnings: string;
  };
  scheduled: (p: { card: string; scheduled: number; tooLate: number }) => string;
  none: string;
  howToRead: string;
  /** The "how to read" items: a term and its explanation. */
  reading: [string, string][];
}

const en: ReportWords = {
  balance: 'balance',
  meta: (p) =>
    `Scenario ${p.id} · ${p.games} games per strategy · ${p.players} players · seed “${p.seed}” · strategies: ${p.strategies}`,
  keyFindings: 'Key findings',
  problem: 'Problem',
  why: 'Why it matters',
  fix: 'What to change',
  endingsPerStrategy: 'Endings per strategy',
  ending: 'Ending',
  marks: { best: 'best', immediate: 'immediate', fallback: 'fallback', never: 'NEVER REACHED' },
  deficit: 'Deficit probability',
  deficitIntro: 'Share of games that end with any resource below 0.',
  strategy: 'Strategy',
  deficitGames: 'Games with a deficit',
  failedGames: 'Failed games',
  rounds: 'Meters and budgets per round (random strategy)',
  roundsIntro:
    'At the start and at every round end: the band runs from p10 to p90, the line is the median. Games that ended early count only for the rounds they finished.',
  lowerIsBetter: ' (lower is better)',
  cards: 'Cards',
  cardsIntro:
    'Drawn and picked under the random strategy; “offered” counts every strategy. Mean effect: what the option did on average when chosen (after discounts, chances and limits). Expected: the option’s immediate deltas as written, chance-weighted (a range when a when decides).',
  cardHeads: ['Card', 'Drawn', 'Option', 'Offered', 'Picked', 'Mean effect', 'Expected', 'Dominated by'],
  eventWithoutOptions: 'event without options',
  dominatedBy: 'DOMINATED by',
  lists: 'Lists',
  listTitles: {
    dominated: 'Dominated options',
    neverDrawn: 'Cards never drawn',
    neverOffered: 'Options never offered',
    neverAffordable: 'Investments never affordable',
    goalsNeverMet: 'Role goals never met',
    neverArrives: 'Scheduled cards that never arrive',
    warnings: 'Simulator warnings',
  },
  scheduled: (p) => `${p.card} (scheduled ${p.scheduled}×, ${p.tooLate}× past the last round)`,
  none: 'None.',
  howToRead: 'How to read this',
  reading: [
    ['random', 'options and votes uniformly, each question with probability ½, invests half the time.'],
    [
      'cheapest',
      'always the option that spends the least money (as shown on the card), asks only questions that cost no money, never invests.',
    ],
    [
      'best-…',
      'always the option that moves that meter most in its good direction (chance-weighted), invests when that helps the meter.',
    ],
    [
      'Dominated',
      'another option of the same card is at least as good on every budget and meter and better on one, however its conditions turn out and under every choice of priorities, and the dominated option has no lasting effect (schedule, flag, addCard, removeCard, move). Such a choice is no dilemma.',
    ],
    [
      'Best ending',
      'the non-immediate ending whose condition asks for the most good values. Walkover: one ending in more than 90% of random games, or one strategy that reaches the best ending in more than 90% of its games.',
    ],
    [
      'A balanced scenario',
      'no problems above; every ending reached by some strategy; the endings spread over the random games; no strategy that wins almost always.',
    ],
  ],
};

const nl: ReportWords = {
  balance: 'balans',
  meta: (p) =>
    `Scenario ${p.id} · ${p.games} potjes per strategie · ${p.players} spelers · startgetal “${p.seed}” · strategieën: ${p.strategies}`,
  keyFindings: 'Belangrijkste bevindingen',
  problem: 'Probleem',
  why: 'Waarom het ertoe doet',
  fix: 'Wat u kunt veranderen',
  endingsPerStrategy: 'Eindes per strategie',
  ending: 'Einde',
  marks: { best: 'beste', immediate: 'direct', fallback: 'vangnet', never: 'NOOIT BEREIKT' },
  deficit: 'Kans op een tekort',
  deficitIntro: 'Het deel van de potjes dat eindigt met een budget onder 0.',
  strategy: 'Strategie',
  deficitGames: 'Potjes met een tekort',
  failedGames: 'Vastgelopen potjes',
  rounds: 'Meters en budgetten per ronde (willekeurige strategie)',
  roundsIntro:
    'Bij de start en aan het eind van elke ronde: de band loopt van p10 tot p90, de lijn is de mediaan. Potjes die eerder eindigden, tellen alleen mee voor de rondes die ze afmaakten.',
  lowerIsBetter: ' (lager is beter)',
  cards: 'Kaarten',
  cardsIntro:
    'Getrokken en gekozen onder de willekeurige strategie; “aangeboden” telt alle strategieën. Gemiddeld effect: wat de keuze gemiddeld deed als ze gekozen werd (na kortingen, kansen en grenzen). Verwacht: de directe gevolgen zoals geschreven, gewogen naar kans (een bereik als een when beslist).',
  cardHeads: [
    'Kaart',
    'Getrokken',
    'Keuze',
    'Aangeboden',
    'Gekozen',
    'Gemiddeld effect',
    'Verwacht',
    'Altijd slechter dan',
  ],
  eventWithoutOptions: 'gebeurtenis zonder keuzes',
  dominatedBy: 'ALTIJD SLECHTER dan',
  lists: 'Lijsten',
  listTitles: {
    dominated: 'Keuzes die altijd slechter zijn',
    neverDrawn: 'Kaarten die nooit getrokken worden',
    neverOffered: 'Keuzes die nooit aangeboden worden',
    neverAffordable: 'Investeringen die nooit te betalen zijn',
    goalsNeverMet: 'Doelen van rollen die nooit gehaald worden',
    neverArrives: 'Geplande kaarten die nooit aankomen',
    warnings: 'Waarschuwingen van de simulator',
  },
  scheduled: (p) => `${p.card} (${p.scheduled}× gepland, ${p.tooLate}× na de laatste ronde)`,
  none: 'Geen.',
  howToRead: 'Zo leest u dit rapport',
  reading: [
    [
      'random',
      'kiest keuzes en stemmen willekeurig, stelt elke vraag met kans ½ en investeert de helft van de keren.',
    ],
    [
      'cheapest',
      'kiest altijd de keuze die het minste geld kost (zoals de kaart het toont), stelt alleen vragen die geen geld kosten en investeert nooit.',
    ],
    [
      'best-…',
      'kiest altijd de keuze die die meter het meest de goede kant op beweegt (gewogen naar kans) en investeert als dat de meter helpt.',
    ],
    [
      'Altijd slechter',
      'een andere keuze van dezelfde kaart is op elk budget en elke meter minstens zo goed en op één beter, hoe de voorwaarden ook uitvallen en welke prioriteiten er ook gelden, en de slechtere keuze heeft geen blijvend gevolg (schedule, flag, addCard, removeCard, move). Zo’n keuze is geen dilemma.',
    ],
    [
      'Beste einde',
      'het niet-directe einde waarvan de voorwaarde de meeste goede waarden vraagt. Walk-over: één einde in meer dan 90% van de willekeurige potjes, of één strategie die het beste einde haalt in meer dan 90% van haar potjes.',
    ],
    [
      'Een scenario in balans',
      'geen problemen hierboven; elk einde wordt door een strategie bereikt; de eindes spreiden over de willekeurige potjes; geen strategie die bijna altijd wint.',
    ],
  ],
};

export const REPORT_WORDS: Record<ReportLang, ReportWords> = { nl, en };
