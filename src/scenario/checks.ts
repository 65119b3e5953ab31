/**
 * The second pass: what the schema cannot say. Unique ids per kind, every reference resolves,
 * and the rules between fields (board, card kinds, endings, ranges), plus the warnings. It
 * reads the raw data defensively, so it runs even when the first pass found problems and a
 * trainer sees every problem of the file at once.
 */
import { checkDottedMoney } from './checks-numbers';
import { checkReach } from './checks-reach';
import { checkTexts } from './checks-text';
import { asArray, asStr, describeContext, isObj, own } from './context';
import { makeProblem, type PathSegment, type Problem, type Reporter } from './problems';
import { ID_PATTERN } from './schema';
import type { DottedNumber, Positions } from './source';
import { didYouMean, listKnown } from './suggest';

export type { Reporter } from './problems';

type Index = Map<string, PathSegment[]>;

export function checkScenario(
  data: Record<string, unknown>,
  positions: Positions,
  file: string,
  dotted: readonly DottedNumber[] = [],
): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const report: Reporter = (path, code, params, severity = 'error', atKey = false) => {
    const p = makeProblem(
      file,
      positions.locate(path, atKey),
      path,
      severity,
      code,
      params,
      describeContext(data, path),
    );
    (severity === 'error' ? errors : warnings).push(p);
  };
  const lineOf = (path: PathSegment[]) => positions.locate(path).line;

  /** Index the ids of a list, reporting duplicates at the later one. */
  const index = (kind: string, items: [unknown, PathSegment[]][], into: Index = new Map()): Index => {
    for (const [item, path] of items) {
      const id = asStr(own(item, 'id'));
      if (id === undefined) continue;
      const first = into.get(id);
      if (first) report([...path, 'id'], 'duplicate-id', { kind, id, firstLine: lineOf([...first, 'id']) });
      else into.set(id, path);
    }
    return into;
  };
  const listAt = (path: PathSegment[], list: unknown): [unknown, PathSegment[]][] =>
    asArray(list).map((item, i) => [item, [...path, i]]);

  const board = isObj(data.board) ? data.board : undefined;
  const spacesList = listAt(['board', 'spaces'], own(board, 'spaces'));
  const decksList = listAt(['decks'], data.decks);
  const cardsList: [unknown, PathSegment[]][] = [
    ...decksList.flatMap(([deck, path]) => listAt([...path, 'cards'], own(deck, 'cards'))),
    ...listAt(['reserveCards'], data.reserveCards),
  ];
  const prioritiesObj = isObj(data.priorities) ? data.priorities : undefined;
  const priorityList = listAt(['priorities', 'options'], own(prioritiesObj, 'options'));

  const resources = index('resource', listAt(['resources'], data.resources));
  const meters = index('meter', listAt(['meters'], data.meters));
  const roles = index('role', listAt(['roles'], data.roles));
  const spaces = index('space', spacesList);
  const decks = index('deck', decksList);
  const cards = index('card', cardsList);
  const investments = index('investment', listAt(['investments'], data.investments));
  const priorities = index('priority', priorityList);
  index('ending', listAt(['endings'], data.endings));
  for (const [id, path] of meters) {
    const clash = resources.get(id);
    if (clash) report([...path, 'id'], 'resource-meter-clash', { id, firstLine: lineOf([...clash, 'id']) });
  }
  const optionsOf = new Map<string, Index>();
  for (const [card, path] of cardsList) {
    const opts = index('option', listAt([...path, 'options'], own(card, 'options')));
    const id = asStr(own(card, 'id'));
    if (id !== undefined && !optionsOf.has(id)) optionsOf.set(id, opts);
  }

  type Known = ReadonlyMap<string, unknown> | readonly string[];
  const isList = (k: Known): k is readonly string[] => Array.isArray(k);
  const ref = (kind: string, id: unknown, path: PathSegment[], known: Known, atKey = false, of = '') => {
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) return;
    if (isList(known) ? known.includes(id) : known.has(id)) return;
    const names = isList(known) ? [...known] : [...known.keys()];
    const suggestion = didYouMean(id, names) ?? '';
    report(path, 'unknown-ref', { kind, id, known: listKnown(names), suggestion, of }, 'error', atKey);
  };

  const flagsSet = new Set<string>();
  const flagsUsed: [string, PathSegment[]][] = [];
  const decksNamed = new Set<string>();
  const hasBoard = board !== undefined;

  const condition = (c: unknown, path: PathSegment[], depth = 0): void => {
    if (!isObj(c) || depth > 70) return;
    if ('resource' in c) ref('resource', c.resource, [...path, 'resource'], [...resources.keys(), 'total']);
    if ('meter' in c) ref('meter', c.meter, [...path, 'meter'], meters);
    if ('flag' in c && typeof c.flag === 'string') flagsUsed.push([c.flag, [...path, 'flag']]);
    if ('invested' in c) ref('investment', c.invested, [...path, 'invested'], investments);
    if ('priority' in c) ref('priority', c.priority, [...path, 'priority'], priorities);
    const chose = own(c, 'chose');
    if (isObj(chose)) {
      const card = asStr(chose.card);
      ref('card', card, [...path, 'chose', 'card'], cards);
      const opts = card !== undefined ? optionsOf.get(card) : undefined;
      if (opts) ref('option', chose.option, [...path, 'chose', 'option'], opts, false, `card "${card}"`);
    }
    for (const key of ['all', 'any'] as const) {
      asArray(own(c, key)).forEach((sub, i) => {
        condition(sub, [...path, key, i], depth + 1);
      });
    }
    if ('not' in c) condition(c.not, [...path, 'not'], depth + 1);
  };

  const effects = (list: unknown, path: PathSegment[], moveAllowed: boolean, depth = 0): void => {
    asArray(list).forEach((e, i) => {
      const p = [...path, i];
      if (!isObj(e) || depth > 70) return;
      if ('resource' in e) {
        if (e.resource === 'total') report([...p, 'resource'], 'total-in-effect', {});
        else ref('resource', e.resource, [...p, 'resource'], resources);
      }
      if ('meter' in e) ref('meter', e.meter, [...p, 'meter'], meters);
      if ('flag' in e && typeof e.flag === 'string') flagsSet.add(e.flag);
      for (const key of ['schedule', 'addCard', 'removeCard'] as const) {
        const target = own(e, key);
        if (!isObj(target)) continue;
        ref('card', target.card, [...p, key, 'card'], cards);
        ref('deck', target.deck, [...p, key, 'deck'], decks);
        if (key !== 'removeCard' && typeof target.deck === 'string') decksNamed.add(target.deck);
      }
      if ('move' in e) {
        if (!hasBoard) report([...p, 'move'], 'move-without-board', {}, 'error', true);
        else if (!moveAllowed) report([...p, 'move'], 'move-not-here', {}, 'error', true);
        else ref('space', e.move, [...p, 'move'], spaces);
      }
      if ('when' in e) condition(e.when, [...p, 'when']);
      effects(own(e, 'effects'), [...p, 'effects'], moveAllowed, depth + 1);
      effects(own(e, 'else'), [...p, 'else'], moveAllowed, depth + 1);
    });
  };

  // ------------------------------------------------------------------ scenario-level rules
  const players = isObj(data.players) ? data.players : undefined;
  if (
    players &&
    typeof players.min === 'number' &&
    typeof players.max === 'number' &&
    players.min > players.max
  ) {
    report(['players', 'min'], 'players-min-max', { min: players.min, max: players.max });
  }
  for (const [r, path] of listAt(['resources'], data.resources)) {
    const start = own(r, 'start');
    const floor = own(r, 'floor');
    if (typeof start === 'number' && typeof floor === 'number' && start < floor) {
      report([...path, 'start'], 'resource-below-floor', { start, floor });
    }
  }
  for (const [m, path] of listAt(['meters'], data.meters)) {
    const [min, start, max] = [own(m, 'min'), own(m, 'start'), own(m, 'max')];
    if (typeof min !== 'number' || typeof start !== 'number') continue;
    const top = typeof max === 'number' ? max : Number.POSITIVE_INFINITY;
    if (min > start || start > top || min > top) {
      report([...path, start > top ? 'max' : 'start'], 'meter-range', {
        min,
        start,
        max: typeof max === 'number' ? max : 'none',
      });
    }
  }
  for (const [role, path] of listAt(['roles'], data.roles)) condition(own(role, 'goal'), [...path, 'goal']);

  // ------------------------------------------------------------------ board and turns
  spacesList.forEach(([space, path], i) => {
    const kind = own(space, 'kind');
    if (i === 0 && typeof kind === 'string' && kind !== 'start')
      report([...path, 'kind'], 'first-space-start', { kind });
    if (i > 0 && kind === 'start') report([...path, 'kind'], 'extra-start-space', {});
    if (kind === 'draw') {
      ref('deck', own(space, 'deck'), [...path, 'deck'], decks);
      const deck = asStr(own(space, 'deck'));
      if (deck) decksNamed.add(deck);
    }
    if (kind === 'invest') ref('investment', own(space, 'investment'), [...path, 'investment'], investments);
    if (kind === 'start') effects(own(space, 'effects'), [...path, 'effects'], false);
  });
  const turnDeck = data.turnDeck;
  if (turnDeck === undefined && !hasBoard && data.board === undefined) {
    report([], 'turn-deck-required', { known: listKnown(decks.keys()) }, 'error', true);
  }
  if (turnDeck !== undefined) {
    ref('deck', turnDeck, ['turnDeck'], decks);
    if (typeof turnDeck === 'string') decksNamed.add(turnDeck);
    if (hasBoard) report(['turnDeck'], 'turn-deck-with-board', {}, 'warning', true);
  }

  // ------------------------------------------------------------------ cards
  const tags = new Set<string>();
  const addTags = (v: unknown) => {
    for (const t of asArray(v)) if (typeof t === 'string') tags.add(t);
  };
  for (const [card, path] of cardsList) {
    if (!isObj(card)) continue;
    const kind = card.kind;
    const options = Array.isArray(card.options) ? card.options : undefined;
    addTags(card.tags);
    condition(card.when, [...path, 'when']);
    if ((kind === 'request' || kind === 'dilemma') && (options?.length ?? 0) < 2) {
      report(
        options ? [...path, 'options'] : path,
        'card-needs-options',
        { kind, count: options?.length ?? 0 },
        'error',
        true,
      );
    }
    if (kind === 'event') {
      if (options && options.length < 2)
        report([...path, 'options'], 'too-few-options', { count: options.length }, 'error', true);
      else if (!options && card.effects === undefined)
        report(path, 'event-needs-something', {}, 'error', true);
    }
    if (card.effects !== undefined && typeof kind === 'string' && kind !== 'event') {
      report([...path, 'effects'], 'card-effects-event-only', { kind }, 'error', true);
    }
    effects(card.effects, [...path, 'effects'], true);
    for (const [q, qPath] of listAt([...path, 'conversation'], card.conversation)) {
      effects(own(q, 'cost'), [...qPath, 'cost'], true);
    }
    for (const [option, oPath] of listAt([...path, 'options'], card.options)) {
      addTags(own(option, 'tags'));
      condition(own(option, 'when'), [...oPath, 'when']);
      effects(own(option, 'effects'), [...oPath, 'effects'], true);
      const stances = own(option, 'stances');
      if (isObj(stances)) {
        for (const role of Object.keys(stances)) {
          const at = [...oPath, 'stances', role];
          // zod's record skips a "__proto__" key silently; it is still no role id.
          if (role === '__proto__') report(at, 'bad-id', { value: role }, 'error', true);
          else ref('role', role, at, roles, true);
        }
      }
    }
  }

  // ------------------------------------------------------------------ investments, priorities, council
  for (const [inv, path] of listAt(['investments'], data.investments)) {
    addTags(own(inv, 'tags'));
    effects(own(inv, 'cost'), [...path, 'cost'], false);
    effects(own(inv, 'perRound'), [...path, 'perRound'], false);
  }
  effects(data.upkeep, ['upkeep'], false);
  if (prioritiesObj) {
    const choose = prioritiesObj.choose;
    if (typeof choose === 'number' && choose > priorityList.length && priorityList.length > 0) {
      report(['priorities', 'choose'], 'priorities-choose', { choose, count: priorityList.length });
    }
    for (const [priority, path] of priorityList) {
      for (const [mod, mPath] of listAt([...path, 'modifiers'], own(priority, 'modifiers'))) {
        if (own(mod, 'meter') !== undefined) ref('meter', own(mod, 'meter'), [...mPath, 'meter'], meters);
        const tag = asStr(own(mod, 'tag'));
        if (tag !== undefined && own(mod, 'costFactor') !== undefined && !tags.has(tag)) {
          report(
            [...mPath, 'tag'],
            'unknown-tag',
            { tag, suggestion: didYouMean(tag, tags) ?? '' },
            'warning',
          );
        }
      }
    }
    const council = isObj(data.council) ? data.council : {};
    const councilSpace = spacesList.some(([s]) => own(s, 'kind') === 'council');
    if (council.every === undefined && council.atStart !== true && !councilSpace) {
      report(['priorities'], 'priorities-no-council', {}, 'warning', true);
    }
  }

  // ------------------------------------------------------------------ endings
  let fallback: { id: string; path: PathSegment[] } | undefined;
  const endingsList = listAt(['endings'], data.endings);
  for (const [ending, path] of endingsList) {
    if (!isObj(ending)) continue;
    condition(ending.when, [...path, 'when']);
    if (ending.when !== undefined) continue;
    if (fallback) report(path, 'extra-fallback-ending', { first: fallback.id }, 'error', true);
    else fallback = { id: asStr(ending.id) ?? '?', path };
    if (ending.immediate === true) report([...path, 'immediate'], 'fallback-immediate', {});
  }
  if (!fallback && endingsList.length > 0) report(['endings'], 'no-fallback-ending', {}, 'error', true);

  // ------------------------------------------------------------------ warnings
  for (const [id, path] of decks) {
    if (!decksNamed.has(id)) report([...path, 'id'], 'unused-deck', {}, 'warning');
  }
  for (const [flag, path] of flagsUsed) {
    if (!flagsSet.has(flag)) report(path, 'flag-never-set', { id: flag }, 'warning');
  }
  checkTexts(data, report);
  checkDottedMoney(data, dotted, report);
  checkReach(data, report);
  return { errors, warnings };
}
