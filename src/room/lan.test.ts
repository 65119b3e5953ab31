/**
 * The address printed for phones at a venue where the laptop has more than one: a VPN, Docker,
 * a virtual machine beside the Wi-Fi. Interfaces and the route table are simulated.
 */
import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultRouteInterfaces, lanAddress, lanCandidates, otherAddresses } from './lan';

const nic = (address: string, internal = false): NetworkInterfaceInfo =>
  ({
    address,
    family: 'IPv4',
    internal,
    netmask: '255.255.255.0',
    mac: '',
    cidr: null,
  }) as NetworkInterfaceInfo;

const HEADER = 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT';
const route = (iface: string, destination: string, mask: string, metric = 0, flags = '0003') =>
  `${iface}\t${destination}\t0101A8C0\t${flags}\t0\t0\t${metric}\t${mask}\t0\t0\t0`;

/** A VPN and Docker listed before the Wi-Fi, in the order the OS may give them. */
const VENUE = {
  lo: [nic('127.0.0.1', true)],
  tun0: [nic('10.8.0.6')],
  docker0: [nic('172.17.0.1')],
  'br-3f2a': [nic('192.168.49.1')],
  wlp2s0: [nic('192.168.1.20')],
};

describe('the address phones are given', () => {
  it('is the Wi-Fi when a VPN and Docker come first, without a route table (macOS, Windows)', () => {
    expect(lanAddress(VENUE, null)).toBe('192.168.1.20');
  });

  it('is the interface of the default route (Linux), even when another looks more private', () => {
    const routes = [
      HEADER,
      route('enp0s31f6', '00000000', '00000000', 100),
      route('wlp2s0', '0001A8C0', '00FFFFFF'),
    ].join('\n');
    const laptop = { ...VENUE, enp0s31f6: [nic('145.20.3.7')] };
    expect(lanAddress(laptop, routes)).toBe('145.20.3.7');
  });

  it('skips a default route through a VPN tunnel for the next one', () => {
    const routes = [
      HEADER,
      route('tun0', '00000000', '00000000', 50),
      route('wlp2s0', '00000000', '00000000', 600),
    ].join('\n');
    expect(lanAddress(VENUE, routes)).toBe('192.168.1.20');
  });

  it('reads only default routes that are up, lowest metric first', () => {
    const routes = [
      HEADER,
      route('wlan0', '00000000', '00000000', 600),
      route('eth0', '00000000', '00000000', 100),
      route('eth1', '00000000', '00000000', 10, '0002'),
      route('eth2', '0000A8C0', '0000FFFF', 0),
    ].join('\n');
    expect(defaultRouteInterfaces(routes)).toEqual(['eth0', 'wlan0']);
    expect(defaultRouteInterfaces(null)).toEqual([]);
    expect(defaultRouteInterfaces('garbage')).toEqual([]);
  });

  it('falls back to localhost only when there is nothing else', () => {
    expect(lanAddress({ lo: [nic('127.0.0.1', true)] }, null)).toBe('127.0.0.1');
    expect(lanAddress({ docker0: [nic('172.17.0.1')] }, null)).toBe('172.17.0.1');
  });

  it('lists every other address, tunnels and bridges last, for the start of the terminal', () => {
    expect(lanCandidates(VENUE).map((c) => c.name)).toEqual(['wlp2s0', 'tun0', 'br-3f2a', 'docker0']);
    expect(otherAddresses('192.168.1.20', VENUE)).toBe(
      'Other addresses of this laptop: 10.8.0.6 (tun0), 192.168.49.1 (br-3f2a), 172.17.0.1 (docker0)',
    );
    expect(otherAddresses('192.168.1.20', { wlp2s0: [nic('192.168.1.20')] })).toBeNull();
  });
});
