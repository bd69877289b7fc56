import { deepStrictEqual } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lintSpec } from "../../src/core/lint.js";
import { notAPerson, type NotAPerson } from "../../src/core/spec-data.js";
import { FIXTURES } from "./helpers/fixtures.js";

// The fixtures check where findings are; these check that what they say is right (issue 13).
const messagesOf = (file: string, ruleId: string): string[] =>
  lintSpec(readFileSync(join(FIXTURES, "rules", file), "utf8"))
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => f.message);

describe("rule messages", () => {
  it("owners-both-functions names an email-only owner by its email, never as raw JSON", () => {
    deepStrictEqual(messagesOf("owners-both-functions/invalid-side-written-as-text.campaign.yaml", "owners-both-functions"), [
      "owners.technology names no person yet (it-servicedesk@example.com with no name); give at least one owner a person's name, so marketing knows whom to ask.",
    ]);
  });

  it("owners-both-functions quotes the placeholders it found", () => {
    deepStrictEqual(messagesOf("owners-both-functions/invalid-side-only-placeholders.campaign.yaml", "owners-both-functions"), [
      'owners.technology names no person yet ("TBD", "?" and "n/a" are placeholders); give at least one owner a person\'s name, so marketing knows whom to ask.',
    ]);
  });

  it("owners-both-functions says which names are teams and which are placeholders", () => {
    deepStrictEqual(messagesOf("owners-both-functions/invalid-teams-and-placeholder-phrases.campaign.yaml", "owners-both-functions"), [
      'owners.marketing names no person yet ("marketing ops" and "the platform squad" are teams, not people); give at least one owner a person\'s name, so technology knows whom to ask.',
      'owners.technology names no person yet ("someone from IT" and "TBD (waiting on IT)" are placeholders); give at least one owner a person\'s name, so marketing knows whom to ask.',
    ]);
  });

  it("security-review says a team is not a reviewer", () => {
    deepStrictEqual(messagesOf("security-review/invalid-reviewer-is-a-team.campaign.yaml", "security-review"), [
      'The security review has no named reviewer ("Security team" is a team, not a person); a review counts once it has a status, a named reviewer and a date.',
    ]);
  });

  it("joint-sign-off says a team or a placeholder has not signed", () => {
    deepStrictEqual(messagesOf("joint-sign-off/invalid-signer-is-a-team.campaign.yaml", "joint-sign-off"), [
      'The spec is approved without sign-off from marketing and technology (approvals.marketing: "marketing ops" is a team, not a person; approvals.technology: "someone from IT" is a placeholder); add approvals.marketing and approvals.technology, each with the name of the person who signed off and the date.',
    ]);
  });

  it("joint-sign-off asks for both approvals when both are missing", () => {
    deepStrictEqual(messagesOf("joint-sign-off/invalid-approved-no-approvals.campaign.yaml", "joint-sign-off"), [
      "The spec is approved without sign-off from marketing and technology; add approvals.marketing and approvals.technology, each with the name of the person who signed off and the date.",
    ]);
  });

  it("joint-sign-off asks for the one approval that is missing", () => {
    deepStrictEqual(messagesOf("joint-sign-off/invalid-live-technology-missing.campaign.yaml", "joint-sign-off"), [
      "The spec is live without sign-off from technology; add approvals.technology with the name of the person who signed off and the date.",
    ]);
  });
});

describe("who counts as a person", () => {
  const cases: [written: string, verdict: NotAPerson | undefined][] = [
    ["Itzel Ramos", undefined],
    ["Teamo Sato", undefined],
    ["Ingrid Opsahl, Platform team lead", undefined],
    ["Dev Boardman (IT)", undefined],
    ["An Nguyen", undefined],
    ["Na Li", undefined],
    ["Security team", "team"],
    ["the platform squad", "team"],
    ["marketing ops", "team"],
    ["IT", "team"],
    ["Ito Kenji", undefined],
    ["HR department", "team"],
    ["someone from IT", "placeholder"],
    ["TBD (waiting on IT)", "placeholder"],
    ["TBD - ask Sam", "placeholder"],
    ["to be agreed", "placeholder"],
    ["", "placeholder"],
  ];
  for (const [written, verdict] of cases) {
    it(`${JSON.stringify(written)}: ${verdict ?? "a person"}`, () => deepStrictEqual(notAPerson(written), verdict));
  }
});
