// Reports a spec without a named owner on the marketing side or on the technology side.
import type { Rule } from "../rule.js";
import { asList, asMap, asText, isNamed, otherFunction } from "../spec-data.js";
import { FUNCTIONS, type SpecPath } from "../types.js";

export const ownersBothFunctions: Rule = {
  id: "owners-both-functions",
  defaultSeverity: "warning",
  description: "Both marketing and technology name at least one owner",
  needs: "spec",
  fixable: true,
  messages: {
    missing: "No {{side}} owner: name at least one person under owners.{{side}}, so {{other}} knows whom to ask.",
    placeholder: "owners.{{side}} names no one yet ({{written}}); give at least one owner a person's name.",
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
      if (people.some((person) => isNamed(nameOf(person)))) continue;
      if (owners && side in owners) {
        const written = people.map(describeUnnamed).join(", ") || "an empty list";
        // Point at the first name that is written but names no one (the "TBD" to replace),
        // else at the side's key.
        const firstWritten = people.findIndex((person) => asText(asMap(person)?.name) !== undefined);
        const path: SpecPath = firstWritten >= 0 ? ["owners", side, firstWritten, "name"] : ["owners", side];
        report({ messageId: "placeholder", data: { side, written }, path, ...(firstWritten >= 0 ? {} : { at: "key" as const }) });
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

// How an owner entry that names no one reads in a message: the placeholder as written in
// quotes, or what the entry holds instead of a name (never the entry's raw JSON).
function describeUnnamed(person: unknown): string {
  const entry = asMap(person);
  if (!entry) return asText(person) !== undefined ? JSON.stringify(asText(person)) : "an entry that is not a person";
  const name = asText(entry.name);
  if (name !== undefined) return JSON.stringify(name);
  const email = asText(entry.email);
  if (email !== undefined) return `${email} with no name`;
  const role = asText(entry.role);
  return role !== undefined ? `role ${JSON.stringify(role)} with no name` : "an entry with no name";
}
