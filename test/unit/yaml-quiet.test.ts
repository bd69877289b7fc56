// The core never writes to the console (its hosts decide what to show), and that includes
// what the yaml library would log. A spec indented with a tab makes the library read a
// sequence as a map key; turning that document into data (the preview does, to show a
// broken spec as far as it reads) made yaml warn "Keys with collection values will be
// stringified" through process.emitWarning, or console.warn in a browser, once per build.
import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lintSpec } from "../../src/core/lint.js";
import { fastParse } from "../../src/core/fast-yaml.js";
import { MAX_NESTING, parseYaml } from "../../src/core/parse.js";
import { buildPreviewModel } from "../../src/preview/model/build.js";
import type { PreviewModel } from "../../src/preview/model/types.js";
import { FIXTURES } from "./helpers/fixtures.js";

const TAB_INDENTED = readFileSync(join(FIXTURES, "bad-input/tab-indentation.campaign.yaml"), "utf8");

// Runs `action` with process.emitWarning and console.warn recording instead of printing, and
// returns what they were asked to print.
function warningsDuring(action: () => void): string[] {
  const said: string[] = [];
  const { emitWarning } = process;
  const { warn } = console;
  process.emitWarning = ((warning: string | Error) => said.push(String(warning))) as typeof process.emitWarning;
  console.warn = (...args: unknown[]) => said.push(args.map(String).join(" "));
  try {
    action();
  } finally {
    process.emitWarning = emitWarning;
    console.warn = warn;
  }
  return said;
}

describe("the yaml library stays quiet", () => {
  it("the fixture is the case: its document holds a collection as a key", () => {
    const { document, problems } = parseYaml(TAB_INDENTED);
    ok(problems.length > 0, "the tab is a YAML error");
    ok(document, "the library still builds a document");
    // With the library's default log level, turning it into data warns: the case is real.
    document.options.logLevel = "warn";
    const said = warningsDuring(() => document.toJS());
    ok(
      said.some((warning) => warning.includes("Keys with collection values will be stringified")),
      `expected yaml's warning with logLevel warn, got ${JSON.stringify(said)}`,
    );
  });

  it("the preview of a tab-indented spec warns nothing, and still reads the spec as far as it goes", () => {
    let model: PreviewModel | undefined;
    const said = warningsDuring(() => {
      model = buildPreviewModel(lintSpec(TAB_INDENTED));
    });
    deepStrictEqual(said, []);
    strictEqual(model?.readability, "partial");
    strictEqual(model?.heading, "Spring loyalty relaunch");
  });

  it("documents from the yaml library and from the fast path are both set to log nothing", () => {
    const text = "jointspec: 1\nid: quiet\n";
    const fast = fastParse(text, MAX_NESTING);
    ok(fast, "the fast path takes this text");
    strictEqual(fast.options.logLevel, "silent");
    strictEqual(parseYaml(text, { libraryOnly: true }).document?.options.logLevel, "silent");
  });
});
