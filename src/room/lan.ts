/**
 * The address phones use to reach this laptop. At a venue the laptop often has more than one:
 * the Wi-Fi, a VPN, Docker's bridge, a virtual machine's network. Phones are on the network the
 * laptop's own traffic goes out on, so the first choice is the interface of the default route
 * (Linux: /proc/net/route), unless that is a tunnel or a container bridge. Elsewhere, or when no
 * default route is known, private IPv4 addresses of real interfaces come first. The others are
 * printed at start, so a facilitator whose phones cannot connect can try the next one.
 */
import { readFileSync } from 'node:fs';
import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';
import QRCode from 'qrcode';

export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

export interface Candidate {
  name: string;
  address: string;
}

/** Tunnels (VPNs), container and VM bridges: phones on the Wi-Fi cannot reach these. */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|tun|tap|utun|wg|tailscale|zt|lo)/i;

/** Every non-internal IPv4 address, best first: real interfaces, then by address range. */
export function lanCandidates(interfaces: Interfaces = networkInterfaces()): Candidate[] {
  const candidates: Candidate[] = [];
  for (const [name, list] of Object.entries(interfaces)) {
    for (const a of list ?? []) {
      if (a.family === 'IPv4' && !a.internal) candidates.push({ name, address: a.address });
    }
  }
  return candidates.sort((a, b) => rank(a) - rank(b));
}

/** The chosen address (never localhost when the laptop has another one). */
export function lanAddress(
  interfaces: Interfaces = networkInterfaces(),
  routes: string | null = routeTable(),
): string {
  const candidates = lanCandidates(interfaces);
  const viaDefault = defaultRouteInterfaces(routes).filter((name) => !VIRTUAL.test(name));
  for (const name of viaDefault) {
    const hit = candidates.find((c) => c.name === name);
    if (hit) return hit.address;
  }
  return candidates[0]?.address ?? '127.0.0.1';
}

/**
 * The interfaces that carry a default route, lowest metric first, from the text of
 * /proc/net/route (columns: Iface Destination Gateway Flags RefCnt Use Metric Mask …, hex).
 */
export function defaultRouteInterfaces(routes: string | null): string[] {
  if (!routes) return [];
  const found: { name: string; metric: number }[] = [];
  for (const line of routes.split('\n').slice(1)) {
    const [name, destination, , flags, , , metric, mask] = line.trim().split(/\s+/);
    if (!name || destination !== '00000000' || mask !== '00000000') continue;
    // RTF_UP: the route is in use.
    if ((Number.parseInt(flags ?? '0', 16) & 1) === 0) continue;
    found.push({ name, metric: Number(metric ?? 0) });
  }
  return found.sort((a, b) => a.metric - b.metric).map((r) => r.name);
}

function routeTable(): string | null {
  try {
    return readFileSync('/proc/net/route', 'utf8');
  } catch {
    return null; // macOS, Windows: the ranking below decides.
  }
}

/**
 * Real interfaces before tunnels and bridges; then 192.168/16 and 10/8 (home and venue Wi-Fi,
 * hotspots) before 172.16/12 (often a container bridge) before others, link-local last.
 */
function rank({ name, address }: Candidate): number {
  const virtual = VIRTUAL.test(name) ? 10 : 0;
  if (address.startsWith('192.168.') || address.startsWith('10.')) return virtual;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) return virtual + 1;
  if (address.startsWith('169.254.')) return virtual + 3;
  return virtual + 2;
}

/** "Other addresses of this laptop: …" for the start, or null when there is only the one. */
export function otherAddresses(chosen: string, interfaces: Interfaces = networkInterfaces()): string | null {
  const others = lanCandidates(interfaces).filter((c) => c.address !== chosen);
  if (others.length === 0) return null;
  return `Other addresses of this laptop: ${others.map((c) => `${c.address} (${c.name})`).join(', ')}`;
}

export function joinUrlBase(host: string, port: number): string {
  return `http://${host}${port === 80 ? '' : `:${port}`}/`;
}

export function terminalQr(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
}
