/** Player colours (Okabe–Ito) and initials for tokens, chips and voter rows. */
export const PLAYER_COLOURS = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#CC79A7',
  '#0072B2',
  '#D55E00',
  '#F0E442',
  '#000000',
];
/** Text on each colour with at least AA contrast. */
export const PLAYER_INK = [
  '#000000',
  '#000000',
  '#000000',
  '#000000',
  '#FFFFFF',
  '#000000',
  '#000000',
  '#FFFFFF',
];

export function playerColour(seat: number): string {
  return PLAYER_COLOURS[seat % PLAYER_COLOURS.length];
}

export function playerInk(seat: number): string {
  return PLAYER_INK[seat % PLAYER_INK.length];
}

/** "Anna de Vries" → "AV"; "Team 1" → "T1". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0].slice(0, 2).toUpperCase();
  const first = words[0][0];
  const last = words[words.length - 1][0];
  return `${first}${last}`.toUpperCase();
}
