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
