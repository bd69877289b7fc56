import { deepStrictEqual, match, ok } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lintBytes } from "../../src/core/lint-bytes.js";
import { lintSpec } from "../../src/core/lint.js";
import { actualFindings, FIXTURES } from "./helpers/fixtures.js";

// Bytes as a host reads them from disk (test/fixtures/bad-input), beyond what the
// yaml-syntax fixtures in test/fixtures/rules/yaml-syntax cover: encodings, binary files,
// alias bombs, deep nesting. Each case: where the finding must point, and words its message
// must contain so a person knows what to do.
const CASES: { file: string; expected: string[]; message: RegExp }[] = [
  { file: "duplicate-keys.campaign.yaml", expected: ["yaml-syntax@5:1"], message: /The key "status" appears twice in the same map/ },
  { file: "tab-indentation.campaign.yaml", expected: ["yaml-syntax@10:1"], message: /Tabs are not allowed as indentation in YAML; indent with spaces/ },
  { file: "multiple-documents.campaign.yaml", expected: ["yaml-syntax@42:1"], message: /2 YAML documents; a spec is exactly one/ },
  { file: "alias-bomb.campaign.yaml", expected: ["yaml-syntax@6:10"], message: /billion laughs/ },
  { file: "self-alias.campaign.yaml", expected: ["yaml-syntax@6:14"], message: /\*owners refers to the node that contains it/ },
  { file: "deep-nesting.campaign.yaml", expected: ["yaml-syntax@5:108"], message: /more than 100 levels/ },
  { file: "deep-block-nesting.campaign.yaml", expected: ["yaml-syntax@105:101"], message: /more than 100 levels/ },
  { file: "invalid-utf8.campaign.yaml", expected: ["yaml-syntax@5:23"], message: /not UTF-8 text: byte 0xFF at line 5, column 23/ },
  { file: "binary.campaign.yaml", expected: ["yaml-syntax@3:1"], message: /binary file/ },
  // The library notices a missing quote at the end of the text (line 6 of this 5-line file,
  // after its last line break); the finding points at the quote left open.
  { file: "unclosed-quote.campaign.yaml", expected: ["yaml-syntax@3:8"], message: /The " that opens this value is never closed.*add the closing "/ },
  // Noticed at the end too, past the last line: the finding stays on the last line with text.
  { file: "unclosed-list-at-end.campaign.yaml", expected: ["yaml-syntax@5:18"], message: /end with a \]/ },
];

describe("bad input", () => {
  for (const { file, expected, message } of CASES) {
    it(file, () => {
      const { findings } = lintBytes(readFileSync(join(FIXTURES, "bad-input", file)));
      deepStrictEqual(actualFindings(findings), expected);
      match(findings[0]!.message, message);
    });
  }

  it("points an unclosed quote from its opening quote to the end of that line, in either quote style", () => {
    for (const quote of ['"', "'"]) {
      const text = `jointspec: 1\nid: x\ntitle: ${quote}Spring loyalty\nsummary: y\nstatus: draft\n`;
      const [finding] = lintSpec(text).findings;
      deepStrictEqual(finding!.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 22 } }, quote);
      ok(finding!.message.includes(`closing ${quote}`), finding!.message);
    }
  });

  it("never points past the last line, whatever the text ends with", () => {
    const endings = ["", "\n", "\n\n", "\r\n", "  \n \n"];
    const broken = ['title: "open', "title: 'open", "systems: [CDP, ESP", "owners: {marketing: x", "summary: |\n  text\n x: y"];
    for (const body of broken) {
      for (const ending of endings) {
        const text = `jointspec: 1\nid: x\n${body}${ending}`;
        const { findings } = lintSpec(text);
        ok(findings.length > 0, JSON.stringify(text));
        const lastLineWithText = text.trimEnd().split(/\r?\n/).length - 1;
        for (const f of findings) ok(f.range.end.line <= lastLineWithText, `${JSON.stringify(text)}: ${JSON.stringify(f.range)}`);
      }
    }
  });

  it("stops the other rules when the YAML is broken", () => {
    const { findings } = lintSpec("jointspec: 1\nid: x\nid: y\n");
    deepStrictEqual(
      findings.map((f) => f.ruleId),
      ["yaml-syntax"],
    );
  });

  it("can be turned off, and then reports nothing", () => {
    const { findings } = lintBytes(readFileSync(join(FIXTURES, "bad-input", "binary.campaign.yaml")), { severities: { "yaml-syntax": "off" } });
    deepStrictEqual(findings, []);
  });

  it("lints a 5 MB spec without a finding of its own, with the size limit raised for it", () => {
    const note = "  - The loyalty relaunch keeps members informed about rewards and tiers.\n";
    const design = readFileSync(join(FIXTURES, "design-example.campaign.yaml"), "utf8");
    const text = `${design}x-notes:\n${note.repeat(Math.ceil((5 * 1024 * 1024) / note.length))}`;
    ok(text.length > 5 * 1024 * 1024);
    deepStrictEqual(lintSpec(text, { maxSpecSize: 6 * 1024 * 1024 }).findings, []);
  });
});
