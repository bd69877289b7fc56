// The string formats the JSON Schemas use. They live here, not in ajv-formats, because the
// validators are compiled ahead of time and must not drag Ajv's compiler into the CLI at run
// time; the generated code calls these functions by reference.

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day written as YYYY-MM-DD (2027-02-30 is not one). */
export function date(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!;
  return day <= days;
}

/** A plausible mail address: something@domain.tld, without spaces. */
export function email(value: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value);
}

/** An absolute URI with a scheme and no spaces. */
export function uri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:[^\s]+$/i.test(value);
}
