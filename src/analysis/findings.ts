/**
 * The key findings of a balance analysis, as short sentences from ids and numbers (never
 * scenario text): what the text report prints and the HTML report lists first. A `problem` is
 * something a trainer should fix before a workshop; a `note` is worth knowing. Each problem says
 * why it matters at a table (`why`) and what to change in the file (`fix`), in Dutch or English.
 */
import type { BalanceAnalysis } from './balance';

export type ReportLang = 'nl' | 'en';

export interface Finding {
  level: 'problem' | 'note';
  text: string;
  /** Why this matters in a workshop. */
  why?: string;
  /** What to change in the scenario file. */
  fix?: string;
}

export function pct(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}

const q = (id: string) => `"${id}"`;
const ids = (list: readonly string[]) => list.map(q).join(', ');

export function keyFindings(a: BalanceAnalysis, lang: ReportLang = 'en'): Finding[] {
  const nl = lang === 'nl';
  const out: Finding[] = [];
  const problem = (text: string, why: string, fix: string) => out.push({ level: 'problem', text, why, fix });
  const note = (text: string) => out.push({ level: 'note', text });
  const strategies = a.strategies.map((s) => s.strategy).join(', ');
  note(
    nl
      ? `${a.strategies.length} strategieën (${strategies}), elk ${a.games} potjes, ${a.players} spelers`
      : `${a.strategies.length} strategies (${strategies}), ${a.games} games each, ${a.players} players`,
  );
  if (a.errors > 0)
    problem(
      nl
        ? `${a.errors} potjes liepen vast (zie de waarschuwingen)`
        : `${a.errors} games failed (see the warnings)`,
      nl
        ? 'een potje dat vastloopt, loopt aan tafel ook vast'
        : 'a game that fails in the simulator fails in front of the table too',
      nl
        ? 'lees de waarschuwingen onderaan en pas de genoemde kaart aan'
        : 'read the warnings below and fix the card they name',
    );

  for (const e of a.endings) {
    if (e.reached) continue;
    problem(
      nl
        ? `einde ${q(e.id)} wordt door geen enkele strategie bereikt`
        : `ending "${e.id}" is never reached by any strategy`,
      nl
        ? 'de tafel krijgt dit einde en zijn boodschap nooit te zien'
        : 'no table will ever see this ending and what it has to say',
      nl
        ? 'vraag minder in zijn when, of geef keuzes die ernaartoe bewegen; kijk met validate of een eerder einde niet altijd eerst geldt'
        : 'ask less in its when, or give options that move towards it; check with validate that no earlier ending always holds first',
    );
  }
  if (a.walkover.ending) {
    const { ending, share } = a.walkover.ending;
    problem(
      nl
        ? `walk-over: einde ${q(ending)} in ${pct(share)} van de willekeurige potjes`
        : `walkover: ending "${ending}" in ${pct(share)} of random games`,
      nl
        ? 'als bijna elk potje zo eindigt, lijken de keuzes aan tafel er niet toe te doen'
        : 'when nearly every game ends this way, the table’s choices seem not to matter',
      nl
        ? `maak de when van ${q(ending)} strenger, of de andere eindes makkelijker te halen`
        : `make the when of "${ending}" stricter, or the other endings easier to reach`,
    );
  }
  if (a.walkover.strategy) {
    const { strategy, ending, share } = a.walkover.strategy;
    problem(
      nl
        ? `walk-over: strategie ${strategy} haalt het beste einde ${q(ending)} in ${pct(share)} van haar potjes`
        : `walkover: strategy ${strategy} reaches the best ending "${ending}" in ${pct(share)} of its games`,
      nl
        ? 'een tafel die steeds hetzelfde soort keuze maakt, wint zonder het dilemma te wegen'
        : 'a table that always makes the same kind of choice wins without weighing the dilemma',
      nl
        ? `geef de keuzes die ${strategy} maakt een prijs op een ander budget of een andere meter`
        : `give the options ${strategy} picks a price on another budget or meter`,
    );
  }
  note(
    a.bestEnding
      ? nl
        ? `beste einde (afgelezen uit de voorwaarden van de eindes): ${q(a.bestEnding)}`
        : `best ending (read from the endings' conditions): "${a.bestEnding}"`
      : nl
        ? 'geen einde vraagt meer goeds dan slechts: er is geen beste einde om op walk-over te toetsen'
        : 'no ending asks for more good than bad: no best ending to check for a walkover',
  );
  for (const s of a.strategies) {
    if (!s.top) continue;
    note(
      nl
        ? `${s.strategy}: meestal ${q(s.top.ending)} (${pct(s.top.share)}), een tekort in ${pct(s.deficitShare)} van de potjes`
        : `${s.strategy}: most often "${s.top.ending}" (${pct(s.top.share)}), a deficit in ${pct(s.deficitShare)} of games`,
    );
  }

  const withDominated = a.decisionCardsWithDominated;
  if (a.dominated.length > 0) {
    const without = pct(a.decisionCards > 0 ? 1 - withDominated / a.decisionCards : 1);
    note(
      nl
        ? `${withDominated} van de ${a.decisionCards} beslissingskaarten hebben een keuze die altijd slechter is (${without} zonder)`
        : `${withDominated} of ${a.decisionCards} decision cards have a dominated option (${without} without)`,
    );
    for (const d of a.dominated) {
      const by = ids(d.by);
      problem(
        nl
          ? `kaart ${q(d.card)}: ${by} is op elk punt beter dan ${q(d.option)}`
          : `dominated: card "${d.card}", option "${d.option}" (always worse than ${by})`,
        nl
          ? `niemand heeft reden om ${q(d.option)} te kiezen: zo is de kaart geen dilemma`
          : `nobody has a reason to choose "${d.option}": the card is no dilemma`,
        nl
          ? `maak ${q(d.option)} goedkoper of geef het een voordeel dat ${by} niet heeft (een meter, een later gevolg), of geef ${by} een prijs`
          : `make "${d.option}" cheaper or give it a benefit ${by} lacks (a meter, a later consequence), or give ${by} a price`,
      );
    }
  } else
    note(
      nl
        ? `geen keuze die altijd slechter is in ${a.decisionCards} beslissingskaarten`
        : `no dominated options in ${a.decisionCards} decision cards`,
    );

  if (a.neverDrawn.length > 0)
    problem(
      nl
        ? `kaarten die nooit getrokken worden: ${ids(a.neverDrawn)}`
        : `cards never drawn: ${a.neverDrawn.join(', ')}`,
      nl ? 'de tafel komt deze kaarten nooit tegen' : 'no table ever meets these cards',
      nl
        ? 'leg hun stapel op een trekvakje (of maak hem de turnDeck), zet ze eerder in de stapel of plan ze met schedule'
        : 'put their deck on a draw space (or make it the turnDeck), place them earlier in the deck, or schedule them',
    );
  if (a.neverOffered.length > 0)
    problem(
      nl
        ? `keuzes die nooit aangeboden worden: ${a.neverOffered.map((o) => `${o.card}/${o.option}`).join(', ')}`
        : `options never offered: ${a.neverOffered.map((o) => `${o.card}/${o.option}`).join(', ')}`,
      nl
        ? 'hun when is nooit waar als de kaart op tafel ligt, dus de tafel ziet ze niet'
        : 'their when never holds while the card is on the table, so no table sees them',
      nl
        ? 'maak de when van die keuzes ruimer of laat hem weg'
        : 'loosen the when of those options, or leave it out',
    );
  if (a.neverAffordable.length > 0)
    problem(
      nl
        ? `investeringen die nooit te betalen zijn als ze aangeboden worden: ${ids(a.neverAffordable)}`
        : `investments never affordable when a chance to buy came: ${a.neverAffordable.join(', ')}`,
      nl
        ? 'de tafel kan ze nooit kopen, dus het is geen echte keuze'
        : 'the table can never buy them, so they are no real choice',
      nl
        ? 'verlaag hun cost, of verhoog start of income van het budget'
        : 'lower their cost, or raise the start or income of the budget',
    );
  if (a.goalsNeverMet.length > 0)
    problem(
      nl
        ? `doelen van rollen die nooit gehaald worden: ${ids(a.goalsNeverMet)}`
        : `role goals never met: ${a.goalsNeverMet.join(', ')}`,
      nl
        ? 'een speler met deze rol kan zijn eigen doel nooit halen'
        : 'a player with this role can never reach their own goal',
      nl
        ? 'vraag minder in het goal, of geef keuzes die ernaartoe bewegen'
        : 'ask less in the goal, or give options that move towards it',
    );
  if (a.neverArrives.length > 0) {
    const list = a.neverArrives
      .map((s) =>
        nl
          ? `${s.card} (${s.scheduled}× gepland, ${s.tooLate}× na de laatste ronde)`
          : `${s.card} (scheduled ${s.scheduled}×, ${s.tooLate}× past the last round)`,
      )
      .join(', ');
    problem(
      nl ? `geplande kaarten die nooit aankomen: ${list}` : `scheduled cards that never arrive: ${list}`,
      nl
        ? 'het uitgestelde gevolg komt nooit terug aan tafel'
        : 'the delayed consequence never comes back to the table',
      nl
        ? 'plan ze met een kleinere after, of eerder in het spel'
        : 'schedule them with a smaller after, or earlier in the game',
    );
  }
  return out;
}
