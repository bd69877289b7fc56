// The roster: the people of both functions, listed (optionally) under `people:` in
// .jointspec.yaml. Where a workspace has one, names in a spec are checked against it
// (the owner-roster rule), offered as completions and explained on hover.

import type { BusinessFunction } from "./types.js";

/** One person of the roster, as .jointspec.yaml lists them. */
export interface RosterPerson {
  name: string;
  function: BusinessFunction;
  role?: string;
  email?: string;
}

// A name as the roster compares it: the part before a title or remark ("Dana Reyes,
// Campaign manager" is Dana Reyes), spaces collapsed, in any case.
function comparable(name: string): string {
  return (name.split(/,|;|\(|\s[-–—]\s/)[0] ?? "").trim().replace(/\s+/g, " ").toLowerCase();
}

/** The roster entry that `name` (as written in a spec) names, if any. */
export function findOnRoster(people: readonly RosterPerson[], name: string): RosterPerson | undefined {
  const wanted = comparable(name);
  if (wanted === "") return undefined;
  return people.find((person) => comparable(person.name) === wanted);
}

/** "Dana Reyes, marketing (Campaign manager)": the roster's words for a person, for hovers and messages. */
export function describeRosterPerson(person: RosterPerson): string {
  return `${person.name}, ${person.function}${person.role ? ` (${person.role})` : ""}`;
}
