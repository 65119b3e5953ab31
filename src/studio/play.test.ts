import { describe, expect, it } from 'vitest';
import { view } from '../engine/view';
import { loadScenario } from '../scenario';
import { scenarioTemplate } from '../scenario/templates';
import { defaultSettings, startGame, withStarts } from './play';

function scenario() {
  const loaded = loadScenario(
    scenarioTemplate({ id: 't', kind: 'board', languages: ['nl', 'en'] }),
    't.yaml',
  );
  if (!loaded.ok) throw new Error('template does not load');
  return loaded.scenario;
}

describe('playing in the studio', () => {
  it('starts budgets and meters where the form says, within their bounds, on a copy', () => {
    const s = scenario();
    const settings = defaultSettings(s);
    expect(settings).toEqual({ players: 2, resources: { budget: 10000 }, meters: { welzijn: 5 } });
    const copy = withStarts(s, { ...settings, resources: { budget: 12345 }, meters: { welzijn: 99 } });
    expect(copy.resources[0].start).toBe(12345);
    expect(copy.meters[0].start).toBe(10); // the meter's max
    expect(s.resources[0].start).toBe(10000); // the loaded scenario is untouched
  });
  it('"play from here" puts the card on the table at once, through injectCard', () => {
    const s = scenario();
    const game = startGame(s, { ...defaultSettings(s), resources: { budget: 500 } }, 'buurtfeest');
    const v = view(game.scenario, game.state);
    expect(v.card?.card).toBe('buurtfeest');
    expect(v.resources[0].value).toBe(500);
    expect(game.state.log.some((e) => e.kind === 'inject' && e.card === 'buurtfeest')).toBe(true);
  });
  it('starts at the first turn without a card asked for', () => {
    const s = scenario();
    const game = startGame(s, defaultSettings(s), null);
    expect(view(game.scenario, game.state).card).toBeNull();
    expect(game.state.players).toHaveLength(2);
  });
});
