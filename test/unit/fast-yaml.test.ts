import { deepStrictEqual, ok } from "node:assert";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseDocument, visit, type Document, type Node } from "yaml";
import { fastParse } from "../../src/core/fast-yaml.js";
import { REPO } from "./helpers/fixtures.js";

// The fast path must build exactly what the yaml library builds (node kinds, values, scalar
// types, and the value ranges findings point at), or step aside. These cases probe the
// corners; then every YAML file of the repository is compared the same way.

const CORNERS: string[] = [
  "a: 1\nb: -2\nc: +3\nd: 0o17\ne: 0x1F\nf: 1.5\ng: .5\nh: 1e3\ni: -.inf\nj: .NaN\nk: 1_000\nl: 0.10\n",
  "a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: true\ng: False\nh: TRUE\ni: yes\nj: no\nk: on\n",
  "date: 2027-01-15\ntime: 12:30\nver: 1.2.3\nurl: http://x.y/z?a=b#c\nratio: 3:1\n",
  "a: x#y\nb: x # y\nc: 'x # y'\nd: \"x # y\" # z\ne: x:y\nf: [a#b]\n",
  'a: "tab\\there"\nb: "quote \\" in"\nc: \'it\'\'s\'\nd: "\\u00e9"\ne: "\\x41"\nf: ""\ng: \'\'\n',
  "list:\n  - a\n  - - b\n  - c\n",
  "list:\n- a\n- b\nnext: 1\n",
  "a:\n  - x: 1\n    y: 2\n  - x: 3\n  # between\n  - y: 4\nb: end\n",
  "flow: [a, 'b', \"c\", [d, e], {f: g}]\nmap: { a: 1, b: [2, 3], c: { d: e } }\nempty: []\nnone: {}\n",
  "flow: [a, b,]\n",
  "flow: [a\n  , b]\n",
  "flow: { a: 1, a: 2 }\n",
  "key with spaces: v\n'quoted key': v\n\"dq key\": v\n",
  "a: 1\na: 2\n",
  "a: b: c\n",
  "? complex\n: value\n",
  "anchor: &x 1\nalias: *x\n",
  "tagged: !str 12\n",
  "multi: first\n  second\n",
  "literal: |\n  line one\n    indented\n  # not a comment\n\n  last\nnext: 1\n",
  "folded: >\n  one\n  two\n\n  three\n\n\nnext: 1\n",
  "folded: >-\n  one\n    more\n  two\n",
  "kept: |+\n  x\n\nnext: 1\n",
  "stripped: |-\n  x\n\nnext: 1\n",
  "indicator: |2\n   x\n",
  "empty block: |\nnext: 1\n",
  "seq:\n  - |\n    text\n  - >-\n    folded\n    text\n",
  "a:   # comment\n  b: 1   # c\n# top\n  # deeper\nc: 3\n",
  "a: 1 #c\nb: 2#c\n",
  "- top\n- list\n",
  "just a scalar\n",
  "",
  "# only a comment\n",
  "a: 1\n---\nb: 2\n",
  "a:\n\tb: 1\n",
  "a: [unclosed\n",
  "a: 'unclosed\n",
  "  indented: root\n",
  "a:\n    b: 1\n  c: 2\n",
  "a: x\n b: y\n",
  "a: -\nb: - x\n",
  "- \n- x\n",
  "a: @at\nb: `tick\n",
  "a: [1, 2]x\n",
  "a: 'x'y\n",
  "ü: ñ\n😀: 🎉\n",
  "a: x\r\nb: y\r\n",
  "\uFEFFa: 1\n",
  "%YAML 1.2\n---\na: 1\n",
  "a: {b: [c, {d: [e]}]}\n",
  "a: [b: c]\n",
  "a: {b}\n",
  "a: 'multi\n  line'\n",
  "long: " + "x".repeat(5000) + "\n",
];

function shape(document: Document): unknown[] {
  const nodes: unknown[] = [];
  visit(document, {
    Node(_key, node: Node) {
      const n = node as Node & { items?: unknown; value?: unknown; flow?: boolean; type?: string };
      nodes.push([node.constructor.name, n.flow === true, node.range?.slice(0, 2), n.items ? undefined : JSON.stringify(n.value), n.type]);
    },
  });
  return nodes;
}

function compare(text: string, where: string): boolean {
  const fast = fastParse(text, 100);
  if (!fast) return false;
  const library = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  deepStrictEqual(library.errors.map((e) => e.message), [], `${where}: the fast path accepted what the library rejects`);
  deepStrictEqual(JSON.stringify(fast.toJS()), JSON.stringify(library.toJS()), `${where}: values`);
  deepStrictEqual(shape(fast), shape(library), `${where}: nodes`);
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === ".git" || name === "out" || name === ".vscode-test") return [];
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe("fast YAML path", () => {
  CORNERS.forEach((text, index) => {
    it(`corner case ${index + 1}: ${JSON.stringify(text.slice(0, 40))}`, () => {
      compare(text, `case ${index + 1}`);
    });
  });

  it("takes the common case: the design example and every example spec", () => {
    for (const name of readdirSync(join(REPO, "examples")).filter((n) => n.endsWith(".yaml") && !n.startsWith("."))) {
      ok(compare(readFileSync(join(REPO, "examples", name), "utf8"), name), `${name} went to the library`);
    }
  });

  it("matches the library on every YAML file in the repository", () => {
    let fast = 0;
    const files = [...yamlFiles(join(REPO, "examples")), ...yamlFiles(join(REPO, "test")), ...yamlFiles(join(REPO, "docs")), ...yamlFiles(join(REPO, "glossary"))];
    for (const file of files) if (compare(readFileSync(file, "utf8"), file)) fast++;
    ok(fast > files.length / 2, `${fast} of ${files.length} files took the fast path`);
  });
});
