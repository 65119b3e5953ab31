/** A new session id: random, URL- and storage-key-safe (letters and digits), e.g. "s-k3j9x0q2m1ab". */
export function newSessionId(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = random(new Uint8Array(12));
  let id = 's-';
  for (const b of bytes) id += alphabet[b % alphabet.length];
  return id;
}
