import { deepStrictEqual, strictEqual } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyTextEdits } from "../../src/core/fixes/apply.js";
import { lintSpec } from "../../src/core/lint.js";
import { disableNextLineEdit } from "../../src/core/suppressions.js";
import { FIXTURES } from "./helpers/fixtures.js";

const design = readFileSync(join(FIXTURES, "design-example.campaign.yaml"), "utf8");
const withoutTechOwner = design.replace("  technology:\n    - name: Sam Patel\n      role: Solutions architect\n", "");

const CASES: { name: string; text: string; findings: string[]; suppressed: string[] }[] = [
  { name: "nothing suppressed", text: withoutTechOwner, findings: ["owners-both-functions"], suppressed: [] },
  {
    name: "next-line directive with a reason",
    text: withoutTechOwner.replace("owners:\n", "# jointspec-disable-next-line owners-both-functions -- IT names its owner at kickoff\nowners:\n"),
    findings: [],
    suppressed: ["owners-both-functions: IT names its owner at kickoff"],
  },
  {
    name: "next-line directive for another rule",
    text: withoutTechOwner.replace("owners:\n", "# jointspec-disable-next-line shared-kpi -- not this one\nowners:\n"),
    findings: ["suppression", "owners-both-functions"],
    suppressed: [],
  },
  {
    name: "file directive, anywhere, several rules",
    text: `${withoutTechOwner}# jointspec-disable shared-kpi, owners-both-functions -- pilot without IT\n`,
    findings: [],
    suppressed: ["owners-both-functions: pilot without IT"],
  },
  {
    name: "CRLF line endings",
    text: withoutTechOwner.replace("owners:\n", "# jointspec-disable-next-line owners-both-functions -- later\nowners:\n").replace(/\n/g, "\r\n"),
    findings: [],
    suppressed: ["owners-both-functions: later"],
  },
  {
    name: "a directive inside a string is not a comment",
    text: withoutTechOwner.replace("title: Spring loyalty relaunch", 'title: "Spring # jointspec-disable owners-both-functions -- no"'),
    findings: ["owners-both-functions"],
    suppressed: [],
  },
  {
    name: "parse errors cannot be waived",
    text: "# jointspec-disable yaml-syntax -- please\njointspec: 1\njointspec: 1\n",
    findings: ["yaml-syntax"],
    suppressed: [],
  },
];

describe("suppressions", () => {
  for (const { name, text, findings, suppressed } of CASES) {
    it(name, () => {
      const result = lintSpec(text);
      deepStrictEqual(
        result.findings.map((f) => f.ruleId),
        findings,
      );
      deepStrictEqual(
        result.suppressed.map((s) => `${s.finding.ruleId}: ${s.directive.reason}`),
        suppressed,
      );
    });
  }

  it("the disable edit adds a directive above the line, in its indentation, and it works", () => {
    const { findings, analysis } = lintSpec(withoutTechOwner);
    const edit = disableNextLineEdit(analysis.parsed.lines, findings[0]!, "IT names its owner\nat kickoff");
    const after = applyTextEdits(withoutTechOwner, [edit]);
    strictEqual(
      after,
      withoutTechOwner.replace("owners:\n", "# jointspec-disable-next-line owners-both-functions -- IT names its owner at kickoff\nowners:\n"),
    );
    deepStrictEqual(lintSpec(after).findings, []);
  });

  it("a second disable on the same line joins the existing directive", () => {
    const text = "jointspec: 1\nid: x\ntitle: X\nstatus: draft\n";
    const { findings, analysis } = lintSpec(text);
    const first = applyTextEdits(text, [disableNextLineEdit(analysis.parsed.lines, findings.find((f) => f.ruleId === "shared-kpi")!, "later")]);
    const again = lintSpec(first);
    const second = applyTextEdits(first, [
      disableNextLineEdit(again.analysis.parsed.lines, again.findings.find((f) => f.ruleId === "security-review")!, "pilot"),
    ]);
    strictEqual(second.split("\n")[0], "# jointspec-disable-next-line shared-kpi, security-review -- later; pilot");
    deepStrictEqual(
      lintSpec(second).findings.map((f) => f.ruleId),
      ["owners-both-functions", "owners-both-functions"],
    );
  });

  it("removes an unused suppression, line and all", () => {
    const text = readFileSync(join(FIXTURES, "rules/suppression/invalid-unused.campaign.yaml"), "utf8");
    const [finding] = lintSpec(text).findings;
    strictEqual(applyTextEdits(text, finding!.fixes![0]!.edits), design);
  });
});
