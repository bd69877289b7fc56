import { ok, strictEqual } from "node:assert";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { fastParse } from "../../src/core/fast-yaml.js";
import { MAX_NESTING } from "../../src/core/parse.js";
import { REPO } from "./helpers/fixtures.js";
import { yamlText } from "./helpers/yaml-arbitrary.js";
import { comparePaths, documentDifference, lintDifference } from "./helpers/yaml-differential.js";

// The fast path must build exactly what the yaml library builds, or step aside (return
// undefined): every node's class and properties (value, type, source, flow, all three range
// offsets, comments, spaceBefore), the document's own range and comments, and only for texts
// the library reads without an error or warning. Linting through either path must give the same
// findings and fixes. helpers/yaml-differential.ts says what is compared.

// Named cases: the reproducers of issue 10 and the corners found before and since, with the
// path each takes: the fast path must keep taking what specs are made of (comments, block
// scalars, quoted strings…) and leave errors and rare features to the library.
const CASES: [name: string, text: string, path: "fast" | "library"][] = [
  ["folded block scalar with a leading blank line (issue 10)", "a: >\n\n  b\n", "fast"],
  ["literal block scalar whose leading blank line has more spaces than the body (issue 10)", "a: |\n    \n  b\n", "library"],
  ["a plain key of 1,025 characters (issue 10)", `${"k".repeat(1025)}: v\n`, "library"],
  ["a plain key of 1,024 characters", `${"k".repeat(1024)}: v\n`, "library"],
  ["a quoted key of 1,030 characters", `"${"q".repeat(1028)}": v\n`, "library"],
  ["an empty nested value followed by a comment line (issue 10)", "s:\n k:\n#", "library"],
  ["an empty value followed by a comment line (issue 10)", "e:\n#", "library"],
  ["nested flow collections with spaces before commas (issue 10)", "a: { x: 1 , y: [ 1 ] }\n", "fast"],
  ["the document's range with blank lines after the content (issue 10)", "a: 1\n\n\n", "fast"],
  ["the document's range with comment lines after the content (issue 10)", "a: 1\n# one\n\n# two\n", "fast"],
  ["comment lines after a nested map (issue 10)", "a:\n  b: 1\n  # at the map\n# at the root\nc: 2\n", "fast"],
  ["comment lines after a nested map at the document's end", "a:\n  b: 1\n  # at the map\n# at the root\n", "fast"],
  ["a more-indented comment after a value", "a: 1\n   # deeper\nb: 2\n", "fast"],
  ["comments before the first key of a nested map", "a:\n  # first\n\n  b: 1\n", "fast"],
  ["a comment before the first key of the document", "# top\na: 1\n", "fast"],
  ["a comment and a blank line before the first key", "# top\n\na: 1\n", "fast"],
  ["trailing comments on values and keys", "a: 1 # one\nb: # two\n  c: 'x' # three\n", "fast"],
  ["a blank line before a key", "a: 1\n\nb: 2\n", "fast"],
  ["a blank line after an empty value", "a:\n\nb: 2\n", "fast"],
  ["no final newline", "a: 1", "fast"],
  ["no final newline after a comment", "a: 1 # c", "fast"],
  ["CRLF line ends", "a: 1\r\nb:\r\n  - x # c\r\n", "fast"],
  ["a lone CR", "a: 1\rb: 2\n", "library"],
  [
    "numbers, booleans and null in YAML 1.2 forms",
    "a: 1\nb: -2\nc: +3\nd: 0o17\ne: 0x1F\nf: 1.5\ng: .5\nh: 1e3\ni: -.inf\nj: .NaN\nk: 1_000\nl: 0.10\n",
    "fast",
  ],
  ["YAML 1.1 lookalikes", "a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: true\ng: False\nh: TRUE\ni: yes\nj: no\nk: on\nl: 0o7\nm: .inf\n", "fast"],
  ["words near null, true and false, typed or strings", "a: nulls\nb: False\nc: truest\nd: ~x\ne: NULL\nf: Nope\ng: ~\nfalse: 1\nNullx: 2\n", "fast"],
  ["plain scalars with # and :", "date: 2027-01-15\ntime: 12:30\nurl: http://x.y/z?a=b#c\nratio: 3:1\na: x#y\nb: x # y\n", "fast"],
  ["quoted scalars and their escapes", 'a: "tab\\there"\nb: "quote \\" in"\nc: \'it\'\'s\'\nd: "\\u00e9"\ne: "\\x41"\nf: ""\ng: \'\'\n', "fast"],
  ["a bad escape in a double-quoted scalar", 'a: "\\q"\n', "library"],
  ["# and : inside quoted scalars", "c: 'x # y'\nd: \"x # y\" # z\ne: 'a: b'\n", "fast"],
  ["block sequences at and past the key's column", "list:\n- a\n- b\nnext:\n  - c\n", "fast"],
  ["compact sequences of maps", "a:\n  - x: 1\n    y: 2\n  - x: 3\n  # between\n  - y: 4\nb: end\n", "fast"],
  [
    "flow collections: nested, empty, trailing comma",
    "flow: [a, 'b', \"c\", [d, e], {f: g}]\nmap: { a: 1, b: [2, 3], c: { d: e } }\nempty: []\nnone: {}\ntrail: [a, b,]\n",
    "fast",
  ],
  ["a flow collection followed by a comment", "a: [1, 2] # c\nb: {x: 1}\n  # deeper\n", "fast"],
  ["literal block scalar with more-indented lines and blank lines", "literal: |\n  line one\n    indented\n  # not a comment\n\n  last\nnext: 1\n", "fast"],
  ["folded block scalar with more-indented lines", "folded: >-\n  one\n    more\n  two\n\n\nnext: 1\n", "fast"],
  ["keep chomping with trailing blank lines", "kept: |+\n  x\n\n\nnext: 1\n", "fast"],
  ["strip chomping with trailing blank lines", "stripped: >-\n  x\n\nnext: 1\n", "fast"],
  ["explicit indentation indicators", "a: |2\n   x\nb: >1-\n  y\nc: |+1\n  z\n", "fast"],
  ["an empty block scalar", "empty block: |\nnext: 1\n", "fast"],
  ["a block scalar with a header comment", "a: | # c\n  x\n", "fast"],
  ["a block scalar at the document's end without a newline", "a: >\n  x\n  y", "fast"],
  ["whitespace-only lines in a block scalar", "a: |\n  x\n   \n  y\n  \n", "fast"],
  ["block scalars in a sequence", "seq:\n  - |\n    text\n  - >-\n    folded\n    text\n", "fast"],
  ["comments at odd indentation", "a:   # comment\n  b: 1   # c\n# top\n   # deeper\n # odd\nc: 3\n", "fast"],
  ["a key at an odd indentation", "a:\n  b: 1\n c: 3\n", "library"],
  ["duplicate keys", "a: 1\na: 2\n", "library"],
  ["duplicate null keys", "~: 1\nnull: 2\n", "library"],
  ["a nested pair on one line", "a: b: c\n", "library"],
  ["tabs", "a:\tb\nc: x\ty\n", "library"],
  ["a multi-line plain scalar", "multi: first\n  second\n", "fast"],
  [
    "a summary wrapped over lines, with a blank line, then a comment",
    "summary: Laptop bundles for students,\n  sold through a new builder.\n\n  Second paragraph # c\n  # deeper\nnext: 1\n",
    "fast",
  ],
  ["a sequence item wrapped over lines", "- one\n  two\n- three\n", "fast"],
  [
    "a double-quoted summary over lines, with a blank line and a comment after",
    'summary: "Member preview, promoted\n  through QR codes: # not a comment\n\n  and email." # c\nnext: 1\n',
    "fast",
  ],
  [
    "a double-quoted scalar over lines: spaces at the breaks, empty and whitespace-only lines, a quote alone at the end",
    'a: " one  \n   two\n\n  \n   three   \n    "\nb: "x\n\n  "\nc: 1\n',
    "fast",
  ],
  ["a single-quoted scalar over lines, with a doubled quote", "a: 'it''s\n    wrapped\n  '\nb: 2\n", "fast"],
  ["a double-quoted scalar over lines with escapes and an escaped line break", 'a: "tab\\t and \\u00e9 \\\n   joined\n  end  "\n', "fast"],
  ["a quoted scalar over lines in a compact sequence", 'kpis:\n  - id: a\n    definition: "one\n      two"\n  - "three\n    four"\n', "fast"],
  ["a quoted scalar over lines, CRLF and whitespace-only lines", 'a: "one\r\n   \r\n  two"\r\nb: 1\r\n', "fast"],
  ["a quoted scalar over lines whose line is not indented enough", 'a: "one\ntwo"\n', "library"],
  ["a quoted scalar over lines that never closes", "a: 'one\n  two\n", "library"],
  ["a quoted scalar over lines with a bad escape", 'a: "one\n  \\q"\n', "library"],
  ["a quoted key over lines", '"a\n  b": 1\n', "library"],
  ["a quoted value over lines followed by a colon", 'k: "a\n  b": 1\n', "library"],
  ["a wrapped line holding a colon", "a: first\n  key: value\n", "library"],
  ["odd indentation", "a:\n    b: 1\n  c: 2\n", "library"],
  ["an item without a value", "- \n- x\n", "library"],
  ["reserved characters", "a: @at\nb: `tick\n", "library"],
  ["text after a flow collection", "a: [1, 2]x\n", "library"],
  ["an empty text", "", "library"],
  ["only a comment", "# only a comment\n", "library"],
  ["two documents", "a: 1\n---\nb: 2\n", "library"],
  ["a byte order mark", "\uFEFFa: 1\n", "library"],
  ["a directive", "%YAML 1.2\n---\na: 1\n", "library"],
  ["a document end marker", "a: 1\n...\n", "library"],
  ["dashes and dots inside a line", "a: ---\nb: ...\nc: '%'\n", "fast"],
  ["a marker-like line after U+2028, which the multiline ^ reads as a line start", "a: x\u2028--- y\n", "library"],
  ["anchors, aliases and tags", "anchor: &x 1\nalias: *x\ntagged: !str 12\n", "library"],
  ["a complex key", "? complex\n: value\n", "library"],
  ["keys an object already has, as plain data", "__proto__: 1\nconstructor: 2\ntoString: [3]\nnested:\n  __proto__:\n    x: 1\n", "fast"],
  ['keys that meet in plain data: null and the empty string, 1 and "1"', "~: a\n'': b\n1: c\n'1': d\n", "fast"],
  ["unicode keys and values", "ü: ñ\n😀: 🎉\n", "fast"],
  ["a long value", `long: ${"x".repeat(5000)}\n`, "fast"],
  ["nesting past the guard", `${Array.from({ length: 60 }, (_, i) => `${" ".repeat(i * 2)}- k${i}:`).join("\n")} v\n`, "library"],
];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === ".git" || name === "out" || name === ".vscode-test") return [];
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe("fast YAML path", () => {
  describe("named cases: the fast path declines or matches the library exactly", () => {
    for (const [name, text, path] of CASES) {
      it(`${name} (${path === "fast" ? "fast path" : "yaml library"})`, () => {
        strictEqual(fastParse(text, MAX_NESTING) ? "fast" : "library", path);
        strictEqual(documentDifference(text), undefined);
        strictEqual(lintDifference(text), undefined);
      });
    }
  });

  it("takes the common case: every example spec", () => {
    for (const name of readdirSync(join(REPO, "examples")).filter((n) => n.endsWith(".yaml") && !n.startsWith("."))) {
      ok(fastParse(readFileSync(join(REPO, "examples", name), "utf8"), MAX_NESTING), `${name} went to the library`);
    }
  });

  it("matches the library on every YAML file in the repository", () => {
    const files = [
      ...yamlFiles(join(REPO, "examples")),
      ...yamlFiles(join(REPO, "test")),
      ...yamlFiles(join(REPO, "docs")),
      ...yamlFiles(join(REPO, "glossary")),
    ];
    let taken = 0;
    for (const file of files) {
      const { taken: tookIt, difference } = comparePaths(readFileSync(file, "utf8"));
      strictEqual(difference, undefined, file);
      if (tookIt) taken++;
    }
    ok(taken > files.length / 2, `${taken} of ${files.length} files took the fast path`);
  });

  // npm run fuzz runs the same property a million times on a random seed.
  it("matches the library on 20,000 generated texts (fixed seed)", function () {
    this.timeout(120_000);
    let taken = 0;
    const runs = 20_000;
    fc.assert(
      fc.property(yamlText(), (text) => {
        const comparison = comparePaths(text);
        if (comparison.taken) taken++;
        if (comparison.difference) throw new Error(comparison.difference);
      }),
      { seed: 20270106, numRuns: runs },
    );
    // A generator the fast path always declined would prove nothing.
    ok(taken > runs / 5, `only ${taken} of ${runs} generated texts took the fast path`);
  });
});
