// Reports, where .jointspec.yaml lists a roster (`people:`), a named owner, reviewer or signer
// who is not on it, and a person of one function listed as the other side's owner or signer.
// A roster turns "is this a real person, on the right side?" from a guess into a check: a
// typo, a leaver or a technology lead entered as the marketing owner is caught before sign-off.
import type { Report, Rule } from "../rule.js";
import { findOnRoster } from "../roster.js";
import { asList, asMap, asText, notAPerson } from "../spec-data.js";
import { FUNCTIONS, type SpecPath } from "../types.js";

export const ownerRoster: Rule = {
  id: "owner-roster",
  defaultSeverity: "warning",
  description: "Where the config lists a roster, owners, the reviewer and signers are on it, on their own side",
  needs: "spec",
  fixable: false,
  messages: {
    unknown: '{{where}} names "{{name}}", who is not on the roster in .jointspec.yaml (people:); correct the name, or add the person to the roster.',
    otherSide: '{{where}} names "{{name}}", whom the roster lists under {{listed}}; a {{side}} {{what}} is a {{side}} person: name one, or correct the roster.',
  },
  check({ spec, people }, report) {
    if (people.length === 0) return;
    // A placeholder or a team is other rules' finding (owners-both-functions, security-review,
    // joint-sign-off); only a name that looks like a person's is looked up.
    const check = (value: unknown, path: SpecPath, where: string, side?: { side: string; what: string }): void => {
      const name = asText(value);
      if (name === undefined || notAPerson(name) !== undefined) return;
      const person = findOnRoster(people, name);
      const finding: Report = { messageId: "unknown", data: { where, name: name.trim() }, path };
      if (!person) report(finding);
      else if (side && person.function !== side.side)
        report({ ...finding, messageId: "otherSide", data: { where, name: name.trim(), listed: person.function, side: side.side, what: side.what } });
    };

    const owners = asMap(spec.owners);
    for (const side of FUNCTIONS) {
      asList(owners?.[side]).forEach((person, index) => {
        const map = asMap(person);
        if (map) check(map.name, ["owners", side, index, "name"], `owners.${side}`, { side, what: "owner" });
      });
    }
    const review = asMap(spec.security_review);
    if (review) check(review.reviewer, ["security_review", "reviewer"], "security_review.reviewer");
    const approvals = asMap(spec.approvals);
    for (const side of FUNCTIONS) {
      const approval = asMap(approvals?.[side]);
      if (approval) check(approval.name, ["approvals", side, "name"], `approvals.${side}`, { side, what: "sign-off" });
    }
  },
};
