/**
 * Money in the API is an integer in the minor units of its currency (cents, yen, fils); people
 * read and type major units. These convert between the two without ever rounding.
 */

/** The digits of a currency's minor unit (2 for USD, 0 for JPY, 3 for BHD); undefined for a code Intl does not know. */
export function minorDigits(currency: string): number | undefined {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  } catch {
    return undefined;
  }
}

/** An amount in minor units as the reader's locale writes it (`$12.34`, `¥1,200`). */
export function formatMoney(minor: number, currency: string | null): string {
  const digits = currency === null ? undefined : minorDigits(currency);
  if (currency === null || digits === undefined) return `${minor}${currency === null ? '' : ` ${currency}`}`;
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

/** What typed major units mean: the amount in minor units, or why it is not one. */
export type ParsedMoney = { minor: number } | { error: string };

/** Reads major units typed by a person (`12.34`) as minor units of `currency` (1234 for USD). */
export function parseMoney(text: string, currency: string): ParsedMoney {
  const digits = minorDigits(currency);
  if (digits === undefined) return { error: `${currency === '' ? 'A currency' : currency} is not a currency code (ISO 4217, e.g. USD)` };
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text.trim());
  if (match === null) return { error: 'Enter an amount such as 12.50' };
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > digits) {
    return { error: digits === 0 ? `${currency} has no minor unit: enter a whole amount` : `${currency} has ${digits} decimals at most` };
  }
  return { minor: Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0') };
}
