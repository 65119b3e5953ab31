/**
 * Updates a screen in place from a freshly built tree, so what did not change stays the same
 * element. In room mode a view arrives with every vote in the room; rebuilding the screen then
 * would take a phone's button from under a thumb mid-tap, drop the focus and close a menu. Here
 * the fresh tree is compared with the one on screen, node by node in order: an element of the same
 * tag (and the same `data-key`) keeps its identity and takes the fresh attributes, text and
 * handlers; anything else is swapped. No keys to maintain: screens are short lists.
 *
 * A node built once and kept by its screen (a form being typed in, the timer) may appear in the
 * fresh tree as itself: it is moved, never rewritten.
 */
import { handlersOf, setHandler } from './dom';

/** Attributes the person at the screen changes by hand: a kept element keeps their choice. */
const USER_OWNED: Record<string, string[]> = { DETAILS: ['open'] };

/** Makes `parent`'s children look like `fresh`, reusing the nodes that fit. */
export function patchChildren(parent: Node, fresh: readonly Node[]): void {
  const wanted = new Set(fresh);
  for (let i = 0; i < fresh.length; i++) {
    const next = fresh[i];
    const current = parent.childNodes[i] ?? null;
    if (current === next) continue;
    if (current && !wanted.has(current) && sameKind(current, next)) {
      patchNode(current, next);
      continue;
    }
    parent.insertBefore(next, current);
  }
  while (parent.childNodes.length > fresh.length) parent.lastChild?.remove();
}

function sameKind(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
  if (a.nodeType !== Node.ELEMENT_NODE) return true;
  return (a as Element).getAttribute('data-key') === (b as Element).getAttribute('data-key');
}

function patchNode(current: Node, next: Node): void {
  if (current.nodeType !== Node.ELEMENT_NODE) {
    if (current.nodeValue !== next.nodeValue) current.nodeValue = next.nodeValue;
    return;
  }
  const el = current as Element;
  const fresh = next as Element;
  const kept = USER_OWNED[el.nodeName] ?? [];
  const wasShown = shownDefaults(el);
  for (const { name } of [...el.attributes])
    if (!fresh.hasAttribute(name) && !kept.includes(name)) el.removeAttribute(name);
  for (const { name, value } of [...fresh.attributes])
    if (el.getAttribute(name) !== value && !kept.includes(name)) el.setAttribute(name, value);
  syncProperties(el, fresh, wasShown);
  for (const [type, handler] of handlersOf(fresh) ?? []) setHandler(el, type, handler);
  patchChildren(el, [...fresh.childNodes]);
}

/**
 * A control's shown state is a property once it is touched (a typed value, a ticked box): the
 * attribute alone would no longer move it. The fresh tree says what the screen wants shown, so a
 * control whose wanted state changed follows it; one whose state did not change keeps what the
 * person is doing with it.
 */
function syncProperties(el: Element, fresh: Element, was: Shown | null): void {
  if (!was || !(el instanceof HTMLInputElement) || !(fresh instanceof HTMLInputElement)) return;
  if (was.checked !== fresh.defaultChecked) el.checked = fresh.checked;
  if (was.value !== fresh.defaultValue) el.value = fresh.value;
}

type Shown = { checked: boolean; value: string };

function shownDefaults(el: Element): Shown | null {
  return el instanceof HTMLInputElement ? { checked: el.defaultChecked, value: el.defaultValue } : null;
}
