import { describe, expect, it } from 'vitest';
import { creditAmount } from '../../src/i18n/money.ts';

describe('creditAmount', () => {
  it.each([
    // fee, percent, locale, currency, shown
    [1200, 0.0515, 'en-GB', 'CNY', 'CN¥0.61'],
    [1200, 0.0515, 'zh-CN', 'CNY', '¥0.61'],
    [1200, 0.0515, 'en-GB', undefined, '0.61'],
    [100, 0.29, 'en-GB', 'USD', 'US$0.29'],
    [12_345, 11.0023, 'en-GB', 'EUR', '€1,358.23'],
    [100_000, 0.0515, 'en-GB', 'JPY', 'JP¥51'],
    [0, 10, 'en-GB', 'CNY', 'CN¥0.00'],
  ])('gives %d at %d %% as %s %s: %s, truncated to the currency’s smallest unit', (fee, percent, locale, currency, shown) => {
    expect(creditAmount(fee, percent, locale, currency)).toBe(shown);
  });
});
