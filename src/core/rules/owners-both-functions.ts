// Reports a spec without a named owner on the marketing side or on the technology side.
import type { Rule } from "../rule.js";
import { asList, asMap, asText, listWords, notAPerson, otherFunction } from "../spec-data.js";
import { FUNCTIONS, type SpecPath } from "../types.js";

export const ownersBothFunctions: Rule = {
  id: "owners-both-functions",
  defaultSeverity: "warning",
  description: "Both marketing and technology name at least one owner",
  needs: "spec",
  fixable: true,
  messages: {
    missing: "No {{side}} owner: name at least one person under owners.{{side}}, so {{other}} knows whom to ask.",
    placeholder: "owners.{{side}} names no person yet ({{written}}); give at least one owner a person's name, so {{other}} knows whom to ask.",
  },
  check({ spec, edits }, report) {
    // owners: of the wrong type is the schema's finding; one problem, one finding.
    if (spec.owners != null && !asMap(spec.owners)) return;
    const owners = asMap(spec.owners);
    for (const side of FUNCTIONS) {
      const other = otherFunction(side);
      // A side written as text (`marketing: Jane Doe`) or left blank is a shape error that
      // the schema reports; saying "an empty list" as well would be a second, wrong finding.
      if (owners && side in owners && !Array.isArray(owners[side])) continue;
      const people = asList(owners?.[side]);
      // `- Sam Patel` instead of `- name: Sam Patel` is a shape error (the schema's), not a missing owner.
      const nameOf = (person: unknown): unknown => asMap(person)?.name ?? person;
      if (people.some((person) => notAPerson(nameOf(person)) === undefined)) continue;
      if (owners && side in owners) {
        const written = describeUnnamed(people) || "an empty list";
        // Point at the first name that is written but names no person (the "TBD" to replace),
        // else at the side's key.
        const firstWritten = people.findIndex((person) => asText(asMap(person)?.name) !== undefined);
        const path: SpecPath = firstWritten >= 0 ? ["owners", side, firstWritten, "name"] : ["owners", side];
        report({ messageId: "placeholder", data: { side, written, other }, path, ...(firstWritten >= 0 ? {} : { at: "key" as const }) });
      } else {
        report({
          messageId: "missing",
          data: { side, other },
          path: ["owners"],
          at: "key",
          fixes: [{ title: `Add a ${side} owner to fill in`, edits: edits.insertEntry(["owners"], side, [{ name: "TBD", role: "TBD" }]) }],
        });
      }
    }
  },
};

// What a side holds instead of a person, for the message: the names written, grouped as
// placeholders and teams ("TBD" and "?" are placeholders; "Security team" is a team, not a
// person), and entries without a name by their email or role (never as raw JSON).
function describeUnnamed(people: readonly unknown[]): string {
  const placeholders: string[] = [];
  const teams: string[] = [];
  const others: string[] = [];
  for (const person of people) {
    const entry = asMap(person);
    const name = asText(entry ? entry.name : person);
    if (name !== undefined) {
      (notAPerson(name) === "team" ? teams : placeholders).push(JSON.stringify(name.trim()));
    } else if (!entry) {
      others.push("an entry that is not a person");
    } else if (asText(entry.email) !== undefined) {
      others.push(`${asText(entry.email)} with no name`);
    } else {
      others.push(asText(entry.role) !== undefined ? `role ${JSON.stringify(asText(entry.role))} with no name` : "an entry with no name");
    }
  }
  const groups = [
    ...(placeholders.length > 0 ? [`${listWords(placeholders, "and")} ${placeholders.length > 1 ? "are placeholders" : "is a placeholder"}`] : []),
    ...(teams.length > 0 ? [`${listWords(teams, "and")} ${teams.length > 1 ? "are teams, not people" : "is a team, not a person"}`] : []),
    ...others,
  ];
  return groups.join("; ");
}
