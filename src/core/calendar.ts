// Calendar days as specs write them (YYYY-MM-DD). The core has no clock: hosts read the time
// and turn it into a day here, the same way in the CLI and the editor.

/** The local calendar day of `now`, as YYYY-MM-DD: a day as the person at the machine sees it. */
export function localDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
