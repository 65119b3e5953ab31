/**
 * A stable content hash of scenario text: FNV-1a 64-bit over the UTF-8 bytes, as 16 hex digits.
 * Pure arithmetic on two 32-bit halves, so Node and every browser give the same answer; session
 * records keep it to show which version of a scenario was played.
 */
const OFFSET_HI = 0xcbf29ce4;
const OFFSET_LO = 0x84222325;

export function scenarioHash(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let hi = OFFSET_HI;
  let lo = OFFSET_LO;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]!) >>> 0;
    // Multiply by the FNV prime 2^40 + 0x1b3, modulo 2^64.
    const loTimes = lo * 0x1b3;
    const carry = Math.floor(loTimes / 0x100000000);
    const newLo = loTimes >>> 0;
    hi = (hi * 0x1b3 + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = newLo;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
