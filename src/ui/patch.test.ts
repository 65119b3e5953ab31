// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { h } from './dom';
import { patchChildren } from './patch';

/** A screen as room mode builds it: a heading, a status line and a list of buttons. */
function screen(status: string, options: string[], onVote: (o: string) => void = () => undefined): Node[] {
  return [
    h('h2', {}, 'Meneer Smit vraagt een traplift'),
    h('p', { class: 'room-note', 'data-testid': 'count' }, status),
    h(
      'div',
      { class: 'row' },
      options.map((o) =>
        h('button', { type: 'button', 'data-key': `vote-${o}`, onclick: () => onVote(o) }, o),
      ),
    ),
  ];
}

describe('patchChildren: a screen updated in place', () => {
  it('keeps the same button element when only another part of the screen changes', () => {
    const root = h('div');
    patchChildren(root, screen('1 van 4 gestemd', ['toekennen', 'verhuizen']));
    const button = root.querySelector('[data-key=vote-toekennen]');
    patchChildren(root, screen('2 van 4 gestemd', ['toekennen', 'verhuizen']));
    expect(root.querySelector('[data-key=vote-toekennen]')).toBe(button);
    expect(root.querySelector('[data-testid=count]')?.textContent).toBe('2 van 4 gestemd');
    expect(root.children).toHaveLength(3);
  });

  it('a kept button runs the handler of the newest view, not the one it was built with', () => {
    const root = h('div');
    const sent: string[] = [];
    patchChildren(
      root,
      screen('', ['ja'], (o) => sent.push(`old ${o}`)),
    );
    patchChildren(
      root,
      screen('', ['ja'], (o) => sent.push(`new ${o}`)),
    );
    (root.querySelector('[data-key=vote-ja]') as HTMLButtonElement).click();
    expect(sent).toEqual(['new ja']);
  });

  it('swaps an element for one of another kind or key, and drops what the new view lacks', () => {
    const root = h('div');
    patchChildren(root, screen('', ['a', 'b', 'c']));
    const first = root.querySelector('[data-key=vote-a]');
    patchChildren(root, screen('', ['x']));
    const row = root.querySelector('.row') as HTMLElement;
    expect(row.children).toHaveLength(1);
    expect(row.firstElementChild?.getAttribute('data-key')).toBe('vote-x');
    expect(row.firstElementChild).not.toBe(first);
    patchChildren(root, [h('p', {}, 'Het spel is afgelopen')]);
    expect(root.innerHTML).toBe('<p>Het spel is afgelopen</p>');
  });

  it('attributes follow the view: a button becomes disabled, a class goes', () => {
    const root = h('div');
    patchChildren(root, [h('button', { class: 'btn primary', 'data-key': 'start' }, 'Start')]);
    const button = root.firstElementChild as HTMLButtonElement;
    patchChildren(root, [h('button', { class: 'btn', 'data-key': 'start', disabled: true }, 'Start')]);
    expect(root.firstElementChild).toBe(button);
    expect(button.disabled).toBe(true);
    expect(button.className).toBe('btn');
  });

  it('text being typed in a field survives an update that does not change the field', () => {
    const root = h('div');
    const form = () => [h('input', { type: 'text', 'data-key': 'name' }), h('p', {}, 'update')];
    patchChildren(root, form());
    const input = root.querySelector('input') as HTMLInputElement;
    input.value = 'Femke';
    patchChildren(root, form());
    expect(root.querySelector('input')).toBe(input);
    expect(input.value).toBe('Femke');
  });

  it('a ticked box follows the view when the view changes its tick, and keeps it otherwise', () => {
    const root = h('div');
    const box = (checked: boolean) => [h('input', { type: 'checkbox', 'data-key': 'p', checked })];
    patchChildren(root, box(false));
    const input = root.querySelector('input') as HTMLInputElement;
    input.checked = true;
    patchChildren(root, box(false));
    expect(input.checked).toBe(true);
    patchChildren(root, box(true));
    patchChildren(root, box(false));
    expect(input.checked).toBe(false);
  });

  it('a node the screen keeps (a form, the timer) is moved as itself, never rewritten', () => {
    const root = h('div');
    const note = h('form', {}, h('input', { type: 'text' }));
    patchChildren(root, [h('p', {}, 'kaart'), note]);
    patchChildren(root, [note, h('p', {}, 'kaart')]);
    expect(root.firstChild).toBe(note);
    expect(root.children).toHaveLength(2);
    patchChildren(root, [h('p', {}, 'nieuw'), h('section'), note]);
    expect(root.lastChild).toBe(note);
    expect(root.children).toHaveLength(3);
  });

  it('a folded-away panel stays folded when the view would open it', () => {
    const root = h('div');
    patchChildren(root, [h('details', { open: true }, h('summary', {}, 'Console'))]);
    const details = root.firstElementChild as HTMLDetailsElement;
    details.open = false;
    patchChildren(root, [h('details', { open: true }, h('summary', {}, 'Console'))]);
    expect(details.open).toBe(false);
  });

  it('text stays text: markup in a participant name is never parsed', () => {
    const root = h('div');
    patchChildren(root, [h('p', {}, 'Jan')]);
    patchChildren(root, [h('p', {}, '<img src=x onerror=alert(1)>')]);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
