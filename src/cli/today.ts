// Today's date, as the rules that judge dates and a sign-off's default date read it: the local
// date of this machine (a review approved "today" in Sydney is not in the future in London's
// afternoon), or JOINTSPEC_TODAY when set, so that a run can be replayed as of a given day
// (tests, an audit of last quarter's CI logs).
import { localDate } from "../core/calendar.js";
import { date as isDate } from "../core/schema/formats.js";
import { CliError } from "./workspace.js";

/** YYYY-MM-DD for today, from JOINTSPEC_TODAY or the local clock. */
export function todayOf(env: Readonly<Record<string, string | undefined>>, now: Date = new Date()): string {
  const pinned = env.JOINTSPEC_TODAY;
  if (pinned !== undefined && pinned !== "") {
    if (!isDate(pinned)) throw new CliError(`JOINTSPEC_TODAY is "${pinned}", not a date written as YYYY-MM-DD`);
    return pinned;
  }
  return localDate(now);
}
