import { notStrictEqual, ok, strictEqual } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RULES } from "../../src/core/rules/index.js";
import { REGENERATE_COMMAND, renderRuleCopies } from "../../scripts/rule-copies.js";
import { REPO } from "./helpers/fixtures.js";

// The config schema, the VS Code settings and the rules tables copy facts from the rules;
// the build writes them (scripts/generate-rule-copies.mjs). These tests regenerate them in
// memory and compare with the files on disk, so a copy edited by hand fails here, on a
// dirty tree too, and the message says which file and what to run.

const read = (file: string): string => readFileSync(join(REPO, file), "utf8");

// The first line where two texts part, to show in the failure instead of two whole files.
function firstDifference(onDisk: string, generated: string): string {
  const a = onDisk.split("\n");
  const b = generated.split("\n");
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line < 0 ? a.length : line;
  return `line ${at + 1}: on disk ${JSON.stringify(a[at] ?? "(end of file)")}, generated ${JSON.stringify(b[at] ?? "(end of file)")}`;
}

describe("copies of the rules' facts", () => {
  const generated = renderRuleCopies(read);

  for (const { file, text } of generated) {
    it(`${file} is what the rules generate`, () => {
      const onDisk = read(file);
      ok(
        onDisk === text,
        `${file} differs from what src/core/rules generates (${firstDifference(onDisk, text)}). Change the rule, not the copy, and run \`${REGENERATE_COMMAND}\` to rewrite it.`,
      );
    });
  }

  it("regenerating changes nothing more", () => {
    const once = new Map(generated.map(({ file, text }) => [file, text]));
    for (const { file, text } of renderRuleCopies((name) => once.get(name) ?? read(name))) strictEqual(text, once.get(file), file);
  });

  it("every copy follows a rule's id and default severity", () => {
    const [first, ...others] = RULES;
    const withoutLast = RULES.slice(0, -1);
    const firstAsInfo = [{ ...first!, defaultSeverity: first!.defaultSeverity === "info" ? ("error" as const) : ("info" as const) }, ...others];
    const withoutLastCopies = renderRuleCopies(read, withoutLast);
    const firstAsInfoCopies = renderRuleCopies(read, firstAsInfo);
    generated.forEach(({ file, text }, index) => {
      notStrictEqual(withoutLastCopies[index]!.text, text, `${file} without the last rule`);
      notStrictEqual(firstAsInfoCopies[index]!.text, text, `${file} with another default for ${first!.id}`);
    });
  });

  it("a file without its generated region gets an error that says where the table goes", () => {
    const readme = read("README.md").replace("<!-- rules:end -->", "");
    let message = "";
    try {
      renderRuleCopies((name) => (name === "README.md" ? readme : read(name)));
    } catch (error) {
      message = (error as Error).message;
    }
    ok(message.startsWith('README.md has no "<!-- rules:start … -->" … "<!-- rules:end -->" region'), message);
  });
});
