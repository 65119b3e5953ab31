/**
 * Plays a whole workshop in the page the way a person does: reading what is on screen and
 * pressing keys or clicking buttons. Records what it saw so tests can assert on it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './harness';

export type Mode = 'keyboard' | 'click';

export interface Played {
  decisions: string[];
  questionsAsked: number;
  moments: Set<string>;
  rounds: Set<string>;
  firstCost: {
    option: string;
    before: string;
    after: string;
    resource: string;
    chip: string;
    roundChange: boolean;
  } | null;
  transfers: number;
  /** Votes cast one voter at a time (vote mode). */
  voted: number;
}

const MOMENT = '#stage > [data-moment], [data-testid=ending-title]';

async function moment(page: Page): Promise<string> {
  const handle = await page.waitForSelector(MOMENT, { timeout: 15_000 });
  if ((await handle.getAttribute('data-testid')) === 'ending-title') return 'ending';
  return (await handle.getAttribute('data-moment')) ?? '';
}

async function nextMoment(page: Page, previous: string): Promise<string> {
  await page.waitForFunction(
    (prev) => {
      if (document.querySelector('[data-testid=ending-title]')) return true;
      const el = document.querySelector<HTMLElement>('#stage > [data-moment]');
      return !!el && el.dataset.moment !== prev;
    },
    previous,
    { timeout: 15_000 },
  );
  return moment(page);
}

async function shot(page: Page, name: string, seen: Set<string>): Promise<void> {
  if (seen.has(name)) return;
  seen.add(name);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

export async function playToEnd(page: Page, mode: Mode, tag: string, maxSteps = 400): Promise<Played> {
  const played: Played = {
    decisions: [],
    questionsAsked: 0,
    moments: new Set(),
    rounds: new Set(),
    firstCost: null,
    transfers: 0,
    voted: 0,
  };
  const shots = new Set<string>();
  let current = await moment(page);
  for (let step = 0; step < maxSteps; step++) {
    if (current === 'ending') return played;
    played.rounds.add((await page.textContent('[data-testid=round]')) ?? '');
    const kind = current.split(':')[0];
    if (process.env.PLAY_DEBUG) console.log(tag, step, current, Date.now() % 100000);
    played.moments.add(kind);
    await shot(page, `${tag}-${kind}`, shots);
    if (kind === 'turn') {
      if (mode === 'keyboard') await page.keyboard.press('Enter');
      else await page.locator('.turn-panel button').click();
    } else if (kind === 'card') {
      await playCard(page, mode, played);
    } else if (kind === 'invest') {
      if (mode === 'keyboard') await page.keyboard.press('2');
      else await page.locator('[data-testid=invest] [data-key=decline]').click();
    } else if (kind === 'council') {
      await playCouncil(page, mode, played);
    } else if (kind === 'outcome') {
      if (mode === 'keyboard') await page.keyboard.press('Enter');
      else await page.locator('[data-testid=outcome] [data-key=continue]').click();
    } else {
      throw new Error(`unknown moment ${current}`);
    }
    current = await nextMoment(page, current);
  }
  throw new Error('the game did not end');
}

async function playCard(page: Page, mode: Mode, played: Played): Promise<void> {
  const card = page.locator('[data-testid=card]');
  const title = (await card.locator('[data-testid=card-title]').textContent()) ?? '';
  // Ask one question on the first card that has one: its answer must appear in place.
  const ask = card.locator('button[data-key^=ask-]:not([disabled])').first();
  if (played.questionsAsked === 0 && (await ask.count()) > 0) {
    const index = ((await ask.getAttribute('data-key')) ?? 'ask-0').slice(4);
    if (mode === 'keyboard') await page.keyboard.press('q');
    else await ask.click();
    await page.waitForSelector(`[data-testid=answer-${index}]`);
    played.questionsAsked++;
  }
  const voters = await card.locator('[data-testid^=voter-]').count();
  const option = card.locator('button.option:not([disabled])').first();
  const cost = (await option.locator('.cost').textContent()) ?? '';
  const before = await page.locator('[data-testid^=amount-]').allTextContents();
  if (voters > 0) {
    // Vote mode: each seat in turn votes (1 for the first, 2 for the others when offered), so
    // some votes are split.
    for (let v = 0; v < voters; v++) {
      const choices = await page.locator('[data-testid=card] button.option:not([disabled])').count();
      const pick = v > 0 && choices > 1 ? 2 : 1;
      await page.waitForSelector(`[data-testid=voter-${v}].current`);
      if (mode === 'keyboard') await page.keyboard.press(String(pick));
      else
        await page
          .locator('[data-testid=card] button.option:not([disabled])')
          .nth(pick - 1)
          .click();
      played.voted++;
    }
  } else if (mode === 'keyboard') {
    await page.keyboard.press('1');
  } else {
    await option.click();
  }
  await page.waitForSelector('[data-testid=outcome], [data-testid=ending-title], [data-testid=tie]');
  if (await page.locator('[data-testid=tie]').count()) {
    if (mode === 'keyboard') await page.keyboard.press('1');
    else await page.locator('[data-testid=card] button.option:not([disabled])').first().click();
    await page.waitForSelector('[data-testid=outcome], [data-testid=ending-title]');
  }
  played.decisions.push(title);
  if (
    voters === 0 &&
    !played.firstCost &&
    cost.includes('€') &&
    (await page.locator('[data-testid=outcome]').count())
  ) {
    const roundChange = (await page.locator('[data-testid=round-end]').count()) > 0;
    const after = await page.locator('[data-testid^=amount-]').allTextContents();
    const ids = await page
      .locator('[data-testid^=amount-]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')?.slice(7) ?? ''));
    const names = await page.locator('.budget .name > span:first-child').allTextContents();
    const index = names.findIndex((n) => cost.startsWith(n));
    if (index >= 0) {
      const chip = (await page.locator(`[data-testid=outcome-${ids[index]}]`).first().textContent()) ?? '';
      played.firstCost = {
        option: cost,
        before: before[index],
        after: after[index],
        resource: ids[index],
        chip,
        roundChange,
      };
    }
  }
}

async function playCouncil(page: Page, mode: Mode, played: Played): Promise<void> {
  const council = page.locator('[data-testid=council]');
  if (await council.locator('input[type=checkbox]').count()) {
    const heading = (await council.locator('h2').first().textContent()) ?? '';
    const need = Number(/\d+/.exec(heading)?.[0] ?? '1');
    const boxes = council.locator('input[type=checkbox]');
    const voter = await council.locator('[data-testid=priority-voter]').count();
    for (let i = 0; i < need; i++) {
      if (mode === 'keyboard') await page.keyboard.press(String(i + 1));
      else await boxes.nth(i).check();
    }
    if (mode === 'keyboard') await page.keyboard.press('Enter');
    else await council.locator('[data-key=confirm-priorities]').click();
    void voter;
    return;
  }
  if (await council.locator('[data-key=end-transfers]').count()) {
    if (mode === 'click' && played.transfers === 0) {
      const before = await page.locator('[data-testid^=amount-]').allTextContents();
      await council.locator('[data-key=transfer-amount]').fill('1000');
      await council.locator('[data-key=transfer]').click();
      await council.locator('[data-key=transfer-yes]').click();
      await page.waitForFunction(
        (b) =>
          [...document.querySelectorAll('[data-testid^=amount-]')].map((e) => e.textContent).join('|') !==
          b.join('|'),
        before,
      );
      played.transfers++;
    }
    if (mode === 'keyboard') await page.keyboard.press('Enter');
    else await page.locator('[data-testid=council] [data-key=end-transfers]').click();
    return;
  }
  if (mode === 'keyboard') await page.keyboard.press('2');
  else await council.locator('[data-key=decline]').click();
}
