// Reports a spec without a named owner on the marketing side or on the technology side.
import type { Rule } from "../rule.js";
import { asList, asMap, isNamed, otherFunction } from "../spec-data.js";
import { FUNCTIONS } from "../types.js";

export const ownersBothFunctions: Rule = {
  id: "owners-both-functions",
  defaultSeverity: "warning",
  description: "Both marketing and technology name at least one owner",
  needs: "spec",
  fixable: true,
  messages: {
    missing: "No {{side}} owner: name at least one person under owners.{{side}}, so {{other}} knows whom to ask.",
    placeholder: "owners.{{side}} names no one yet ({{written}}); replace the placeholder with a person's name.",
  },
  check({ spec, edits }, report) {
    // owners: of the wrong type is the schema's finding; one problem, one finding.
    if (spec.owners != null && !asMap(spec.owners)) return;
    const owners = asMap(spec.owners);
    for (const side of FUNCTIONS) {
      const other = otherFunction(side);
      const people = asList(owners?.[side]);
      // `- Sam Patel` instead of `- name: Sam Patel` is a shape error (the schema's), not a missing owner.
      const nameOf = (person: unknown): unknown => asMap(person)?.name ?? person;
      if (people.some((person) => isNamed(nameOf(person)))) continue;
      if (owners && side in owners) {
        const written = people.map((person) => JSON.stringify(nameOf(person) ?? "")).join(", ") || "an empty list";
        report({ messageId: "placeholder", data: { side, written }, path: ["owners", side], at: "key" });
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
