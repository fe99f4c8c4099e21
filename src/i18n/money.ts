/**
 * Credits as amounts of money, for the credit estimator: the one rule,
 * shared by the page's script and the tests. Kept apart from the catalog so
 * the script carries only this.
 */

/**
 * `percent` % of `fee` as an amount, truncated (never rounded up, like every
 * percent the site shows) to the smallest unit of `currency` (two decimals
 * without one; none for JPY), written for `locale` with Intl.NumberFormat:
 * `¥0.61`, `CN¥0.61`, `0.61`. 1200 at 0.0515 % is 0.61, not 0.62.
 */
export function creditAmount(fee: number, percent: number, locale: string, currency?: string): string {
  const format = new Intl.NumberFormat(locale, currency ? { style: 'currency', currency } : { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const scale = 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2);
  // Floating point leaves 0.29 × 100 at 28.999999999999996: a nudge far below one unit keeps it 29.
  return format.format(Math.floor((fee * percent * scale) / 100 + 1e-9) / scale);
}
