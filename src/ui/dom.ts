/**
 * A tiny DOM builder. Every piece of text goes in as a text node, so scenario and player text
 * is always shown as text and never parsed as markup (DESIGN, quality 3).
 *
 * An `on…` attribute becomes a listener that calls the element's current handler for that event
 * (kept in `handlers`): patch.ts can then update a screen in place and hand a kept button the
 * fresh handler, so a click never sends what an older view allowed.
 */

const handlers = new WeakMap<Element, Map<string, EventListener>>();

/** The handlers h() gave an element, by event type (patch.ts moves them onto a kept element). */
export function handlersOf(el: Element): Map<string, EventListener> | undefined {
  return handlers.get(el);
}

/** Sets the element's handler for `type`, listening once per type. */
export function setHandler(el: Element, type: string, handler: EventListener): void {
  let map = handlers.get(el);
  if (!map) {
    map = new Map();
    handlers.set(el, map);
  }
  if (!map.has(type)) el.addEventListener(type, (e) => map.get(type)?.call(el, e));
  map.set(type, handler);
}
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | EventListener | undefined | null>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      setHandler(el, key.slice(2).toLowerCase(), value as EventListener);
    } else if (key === 'class') {
      el.className = String(value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'object' ? child : String(child));
  }
}

/** An icon from lucide-static as an <img>, so the SVG string is never parsed into the page. */
export function icon(svg: string, label = '', className = 'icon'): HTMLImageElement {
  const colored = svg.replace(/currentColor/g, '#000000');
  const img = h('img', {
    class: className,
    src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(colored)}`,
    alt: label,
  });
  if (!label) img.setAttribute('aria-hidden', 'true');
  return img;
}

export function clear(el: Element): void {
  el.replaceChildren();
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from index.html`);
  return el as T;
}

/** Keys typed into a text field belong to the field; checkboxes and buttons take game keys. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // The studio's code editor (CodeMirror) is an editable element, not a textarea.
  if (target.isContentEditable) return true;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return type !== 'checkbox' && type !== 'radio' && type !== 'button';
}
