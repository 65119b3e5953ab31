/**
 * IndexedDB first, localStorage underneath. Two things would otherwise lose a session:
 * sessions saved to localStorage on a day IndexedDB was blocked would vanish from the list once
 * IndexedDB works again, and a full IndexedDB would stop saving mid-workshop even though
 * localStorage (a separate quota) still has room. So reads see both, and a write that does not
 * fit the primary goes to the secondary. When both hold a session, the newer save wins.
 */
import { isQuotaError, type TextBackend } from './text-store';

/** The `savedAt` instant of a stored text, or -Infinity when it cannot be read. */
function savedAtOf(text: string): number {
  try {
    const at = (JSON.parse(text) as { savedAt?: unknown }).savedAt;
    const ms = typeof at === 'string' ? Date.parse(at) : Number.NaN;
    return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
  } catch {
    return Number.NEGATIVE_INFINITY;
  }
}

function newer(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return savedAtOf(b) > savedAtOf(a) ? b : a;
}

async function quietly<T>(p: Promise<T>): Promise<void> {
  try {
    await p;
  } catch {
    // best effort: the other copy is the one that counts
  }
}

export function layeredBackend(primary: TextBackend, secondary: TextBackend): TextBackend {
  const secondaryGet = async (id: string) => {
    try {
      return await secondary.get(id);
    } catch {
      return undefined;
    }
  };
  return {
    name: primary.name,
    async get(id) {
      return newer(await primary.get(id), await secondaryGet(id));
    },
    async put(id, text) {
      try {
        await primary.put(id, text);
      } catch (e) {
        if (!isQuotaError(e)) throw e;
        // Full: keep saving underneath, and drop the now older primary copy so it cannot win.
        await secondary.put(id, text);
        await quietly(primary.delete(id));
        return;
      }
      // A leftover copy underneath is older now.
      if ((await secondaryGet(id)) !== undefined) await quietly(secondary.delete(id));
    },
    async delete(id) {
      await primary.delete(id);
      await quietly(secondary.delete(id));
    },
    async entries() {
      const merged = new Map(await primary.entries());
      let under: [string, string][] = [];
      try {
        under = await secondary.entries();
      } catch {
        // unreadable secondary: list what the primary has
      }
      for (const [id, text] of under) merged.set(id, newer(merged.get(id), text)!);
      return [...merged.entries()];
    },
  };
}
