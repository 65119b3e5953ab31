import { describe, expect, it } from 'vitest';
import { initials, playerColour } from './players';

describe('tokens', () => {
  it('show initials people recognise', () => {
    expect(initials('Anna de Vries')).toBe('AV');
    expect(initials('Team 1')).toBe('T1');
    expect(initials('  ')).toBe('?');
    expect(initials('Jo')).toBe('JO');
  });
  it('give eight seats eight different colours', () => {
    expect(new Set([0, 1, 2, 3, 4, 5, 6, 7].map(playerColour)).size).toBe(8);
  });
});
