/** The fixed words of an exported debrief, given by the shell in the session's language. */
export interface ExportLabels {
  debrief: string;
  charts: string;
  timeline: string;
  chosen: string;
  notChosen: string;
  split: string;
  asked: string;
  notes: string;
  generalNotes: string;
  roles: string;
  goalMet: string;
  goalNotMet: string;
  questions: string;
  ending: string;
  final: string;
  round: string;
  player: string;
  card: string;
  option: string;
  votes: string;
  changes: string;
  start: string;
  seed: string;
  reflect: string;
  /** The kind column of the CSV, and the council's decisions by kind. */
  kind: string;
  kindCard: string;
  kindPriorities: string;
  kindTransfer: string;
  kindInvest: string;
  kindDecline: string;
  kindInject: string;
  kindSkip: string;
  splitVotes: string;
  tally: string;
}

/** The label of a timeline entry's kind ("Prioriteiten", "Geld verschoven", …). */
export function kindLabel(l: ExportLabels, kind: string): string {
  const byKind: Record<string, string> = {
    card: l.kindCard,
    priorities: l.kindPriorities,
    transfer: l.kindTransfer,
    invest: l.kindInvest,
    decline: l.kindDecline,
    inject: l.kindInject,
    skip: l.kindSkip,
  };
  return byKind[kind] ?? kind;
}

export const ENGLISH_LABELS: ExportLabels = {
  debrief: 'Debrief',
  charts: 'Budgets and meters per round',
  timeline: 'Decisions',
  chosen: 'Chosen',
  notChosen: 'Not chosen',
  split: 'Split vote',
  asked: 'Questions asked',
  notes: 'Facilitator notes',
  generalNotes: 'Notes',
  roles: 'Roles and goals',
  goalMet: 'goal met',
  goalNotMet: 'goal not met',
  questions: 'Questions for the conversation',
  ending: 'Ending',
  final: 'Final figures',
  round: 'Round',
  player: 'Player',
  card: 'Card',
  option: 'Option',
  votes: 'Votes',
  changes: 'Changes',
  start: 'start',
  seed: 'Seed',
  reflect: 'To reflect on',
  kind: 'Kind',
  kindCard: 'Card',
  kindPriorities: 'Priorities',
  kindTransfer: 'Money moved',
  kindInvest: 'Investment bought',
  kindDecline: 'Investment declined',
  kindInject: 'Card brought in',
  kindSkip: 'Card skipped',
  splitVotes: 'Split votes',
  tally: 'Tally',
};
