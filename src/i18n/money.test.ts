import { describe, expect, it } from 'vitest';
import { formatMeterDelta, formatMoney, formatMoneyDelta, meterVerdict } from './money';

describe('money as a projector shows it', () => {
  it('groups thousands the Dutch way with a euro sign and no decimals', () => {
    expect(formatMoney(1250000)).toBe('€ 1.250.000');
    expect(formatMoney(0)).toBe('€ 0');
    expect(formatMoney(999.6)).toBe('€ 1.000');
  });
  it('writes a deficit with a real minus sign', () => {
    expect(formatMoney(-4200)).toBe('\u2212 € 4.200');
  });
  it('marks a change with sign and arrow, never colour alone', () => {
    expect(formatMoneyDelta(4200)).toBe('+ € 4.200 ▲');
    expect(formatMoneyDelta(-4200)).toBe('\u2212 € 4.200 ▼');
  });
});

describe('meter changes follow the meter’s good direction', () => {
  it('calls more workload worse and a shorter waiting list better', () => {
    expect(meterVerdict(1, 'low')).toBe('worse');
    expect(meterVerdict(-2, 'low')).toBe('better');
    expect(meterVerdict(3, 'high')).toBe('better');
    expect(formatMeterDelta(1.5, 'low', 'nl')).toBe('+ 1,5 ▼');
    expect(formatMeterDelta(-2, 'high', 'en')).toBe('\u2212 2 ▼');
    expect(formatMeterDelta(2, 'high', 'en')).toBe('+ 2 ▲');
  });
});
