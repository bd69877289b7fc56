import { deepStrictEqual } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lintSpec } from "../../src/core/lint.js";
import { FIXTURES } from "./helpers/fixtures.js";

// The fixtures check where findings are; these check that what they say is right (issue 13).
const messagesOf = (file: string, ruleId: string): string[] =>
  lintSpec(readFileSync(join(FIXTURES, "rules", file), "utf8"))
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => f.message);

describe("rule messages", () => {
  it("owners-both-functions names an email-only owner by its email, never as raw JSON", () => {
    deepStrictEqual(messagesOf("owners-both-functions/invalid-side-written-as-text.campaign.yaml", "owners-both-functions"), [
      "owners.technology names no one yet (it-servicedesk@example.com with no name); give at least one owner a person's name.",
    ]);
  });

  it("owners-both-functions quotes the placeholders it found", () => {
    deepStrictEqual(messagesOf("owners-both-functions/invalid-side-only-placeholders.campaign.yaml", "owners-both-functions"), [
      'owners.technology names no one yet ("TBD", "?", "n/a"); give at least one owner a person\'s name.',
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
