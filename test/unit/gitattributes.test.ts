// Fixtures whose bytes are the test (CRLF or lone-CR line ends, a byte order mark, invalid
// UTF-8, control bytes) must be marked -text in .gitattributes: otherwise `* text=auto
// eol=lf` lets git rewrite their line ends on commit or checkout, and the tests that read
// them would test something else. This finds every such file git tracks and asks git.
import { deepStrictEqual, ok } from "node:assert";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "./helpers/fixtures.js";

function git(args: string[], input?: string): string {
  const run = spawnSync("git", args, { cwd: REPO, encoding: "utf8", input });
  ok(run.status === 0, `git ${args.join(" ")}: ${run.stderr}`);
  return run.stdout;
}

// What about a file's bytes git's text handling could change or misread, if anything.
function byteExactReason(bytes: Buffer): string | undefined {
  if (bytes.includes("\r\n")) return "CRLF line ends";
  if (bytes.includes("\r")) return "a lone CR";
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "a byte order mark";
  if (bytes.some((byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a)) return "control bytes";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return "invalid UTF-8";
  }
  return undefined;
}

describe(".gitattributes", () => {
  it("marks every tracked file whose bytes matter -text", () => {
    const tracked = git(["ls-files", "-z", "--", "test", "examples"]).split("\0").filter(Boolean);
    const byteExact = new Map<string, string>();
    for (const file of tracked) {
      const reason = byteExactReason(readFileSync(join(REPO, file)));
      if (reason) byteExact.set(file, reason);
    }
    // The detector finds the fixtures it exists for, so an empty list is not a pass.
    ok(byteExact.has("test/fixtures/bad-input/crlf.campaign.yaml"), "the CRLF fixture is detected");
    ok(byteExact.has("test/fixtures/bad-input/lone-cr.campaign.yaml"), "the lone-CR fixture is detected");

    const attributes = git(["check-attr", "--stdin", "-z", "text"], [...byteExact.keys()].join("\0"));
    // -z output: path NUL attribute NUL value NUL, per file.
    const fields = attributes.split("\0");
    const notMarked: string[] = [];
    for (let i = 0; i + 2 < fields.length; i += 3) {
      if (fields[i + 2] !== "unset") notMarked.push(`${fields[i]} (${byteExact.get(fields[i]!)}): text is ${fields[i + 2]}`);
    }
    deepStrictEqual(notMarked, [], "add these to .gitattributes with -text");
  });
});
