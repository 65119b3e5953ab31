/**
 * This tab's sessionStorage, as the screens that keep what a person typed or opened use it: a
 * reload in the same tab gets it back, a new tab starts clean. Storage that is blocked (private
 * mode, a locked-down laptop) or full only means nothing is kept; it never throws.
 */
export function readTab(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Writes `value` (null removes it); false when the storage refused it. */
export function writeTab(key: string, value: string | null): boolean {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Keeps how far `scroller` is scrolled in this tab under `key` and scrolls it back there once
 * (a reload of a long page, the debrief, lands where the facilitator was reading). Returns the
 * function that stops keeping it.
 */
export function keepScroll(scroller: HTMLElement, key: string): () => void {
  const saved = Number(readTab(key));
  if (saved > 0) {
    // After the layout of what was just rendered: before it, the page may be too short to scroll.
    requestAnimationFrame(() => {
      scroller.scrollTop = saved;
    });
  }
  let queued = false;
  const onScroll = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      writeTab(key, String(Math.round(scroller.scrollTop)));
    });
  };
  scroller.addEventListener('scroll', onScroll, { passive: true });
  return () => scroller.removeEventListener('scroll', onScroll);
}
