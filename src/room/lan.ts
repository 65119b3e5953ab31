/**
 * The address phones use to reach this laptop: the first private IPv4 address of a network
 * interface that is up (Wi-Fi or Ethernet), never localhost when such an address exists.
 */
import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';

export function lanAddress(interfaces = networkInterfaces()): string {
  const candidates: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const a of list ?? []) {
      if (a.family === 'IPv4' && !a.internal) candidates.push(a.address);
    }
  }
  const privateFirst = candidates.sort((a, b) => rank(a) - rank(b));
  return privateFirst[0] ?? '127.0.0.1';
}

/** 192.168/16 and 10/8 (home and venue Wi-Fi, hotspots) before 172.16/12 (often a container bridge). */
function rank(address: string): number {
  if (address.startsWith('192.168.') || address.startsWith('10.')) return 0;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) return 1;
  if (address.startsWith('169.254.')) return 3;
  return 2;
}

export function joinUrlBase(host: string, port: number): string {
  return `http://${host}${port === 80 ? '' : `:${port}`}/`;
}

export function terminalQr(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
}
