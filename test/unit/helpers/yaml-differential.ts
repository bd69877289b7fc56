// The fast YAML path's contract, as a check: for a text it accepts, the Document it builds must
// be indistinguishable from the one the yaml library builds on the library path of parse.ts,
// and linting through either path must give the same findings and fixes. Shared by the unit
// test (fixed seed) and `npm run fuzz` (scripts/fuzz-yaml.mjs, a million cases).

import { isDocument, isNode, isPair, type Document } from "yaml";
import { fastParse } from "../../../src/core/fast-yaml.js";
import { lintSpec } from "../../../src/core/lint.js";
import { MAX_NESTING, parseYaml } from "../../../src/core/parse.js";

/**
 * Everything a consumer could read from a node, as plain data: its class, every own
 * enumerable property (value, type, source, format, flow, range, comment, commentBefore,
 * spaceBefore, anchor, tag…), whether it has a schema, and its children the same way.
 */
function describeNode(node: unknown): unknown {
  if (!isNode(node) && !isPair(node)) return node;
  const described: Record<string, unknown> = { class: node.constructor.name };
  for (const [name, value] of Object.entries(node)) {
    described[name] = name === "items" && Array.isArray(value) ? value.map(describeNode) : describeNode(value);
  }
  if ("schema" in node) described.schema = (node as { schema?: { name?: string } }).schema?.name ?? "none";
  return described;
}

/** The same for a document: its own fields, options, directives, schema, errors and warnings. */
function describeDocument(document: Document): unknown {
  const described: Record<string, unknown> = { class: document.constructor.name };
  for (const [name, value] of Object.entries(document)) {
    if (name === "contents") described.contents = describeNode(value);
    else if (name === "options") described.options = Object.fromEntries(Object.entries(value as object).filter(([key]) => key !== "_directives"));
    else if (name === "directives") {
      const { docStart, docEnd, yaml, tags } = value as { docStart: unknown; docEnd: unknown; yaml: unknown; tags: unknown };
      described.directives = { docStart, docEnd, yaml, tags };
    } else if (name === "schema") described.schema = (value as { name?: string }).name;
    else if (name === "errors" || name === "warnings") described[name] = (value as { code: string }[]).map((e) => e.code);
    else described[name] = value;
  }
  return described;
}

/** The first place two described values differ, as "path: fast … library …", or undefined. */
function firstDifference(fast: unknown, library: unknown, path = ""): string | undefined {
  if (Object.is(fast, library)) return undefined;
  const bothObjects = typeof fast === "object" && fast !== null && typeof library === "object" && library !== null;
  if (!bothObjects || Array.isArray(fast) !== Array.isArray(library)) {
    return `${path || "(root)"}: fast ${show(fast)}, library ${show(library)}`;
  }
  const fastRecord = fast as Record<string, unknown>;
  const libraryRecord = library as Record<string, unknown>;
  const names = new Set([...Object.keys(fastRecord), ...Object.keys(libraryRecord)]);
  for (const name of names) {
    const where = Array.isArray(fast) ? `${path}[${name}]` : path ? `${path}.${name}` : name;
    if (!(name in fastRecord)) return `${where}: missing on the fast path, library ${show(libraryRecord[name])}`;
    if (!(name in libraryRecord)) return `${where}: fast ${show(fastRecord[name])}, missing on the library path`;
    const difference = firstDifference(fastRecord[name], libraryRecord[name], where);
    if (difference) return difference;
  }
  return undefined;
}

function show(value: unknown): string {
  if (typeof value === "number" || value === undefined) return String(value);
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * Why the fast path's Document for `text` differs from the library's, or undefined when the
 * fast path declines the text or builds exactly what the library builds.
 */
export function documentDifference(text: string, fast = fastParse(text, MAX_NESTING)): string | undefined {
  if (!fast) return undefined;
  if (!isDocument(fast)) return "the fast path returned something other than a Document";
  // parse.ts's own library path: its options, its nesting guard, every error and warning.
  const library = parseYaml(text, { libraryOnly: true });
  const reported = library.problems.map((p) => `${p.message} (at ${p.offsets[0]})`);
  if (reported.length > 0) return `the fast path accepted a text the library path reports: ${reported.join("; ")}`;
  if (!library.document) return "the fast path accepted a text in which the library path finds no document";
  return (
    firstDifference(describeDocument(fast), describeDocument(library.document)) ??
    firstDifference(fast.toJS(), library.document.toJS(), "toJS()") ??
    // parse.ts reads the fast path's data without toJS(): it must be the library path's data.
    firstDifference(parseYaml(text).data, library.data, "data") ??
    firstDifference(stringified(fast), stringified(library.document), "toString()")
  );
}

// The document written back as YAML, as an edit that rewrote it would: it reads comments,
// blank lines, scalar types and flow styles.
function stringified(document: Document): string {
  try {
    return document.toString();
  } catch (error) {
    return `throws ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Why linting `text` through the fast path differs from linting it through the library, or undefined. */
export function lintDifference(text: string): string | undefined {
  const viaFast = lintSpec(text);
  const viaLibrary = lintSpec(text, { yamlLibraryOnly: true });
  return (
    firstDifference(JSON.parse(JSON.stringify(viaFast.findings)), JSON.parse(JSON.stringify(viaLibrary.findings)), "findings") ??
    firstDifference(JSON.parse(JSON.stringify(viaFast.suppressed)), JSON.parse(JSON.stringify(viaLibrary.suppressed)), "suppressed")
  );
}

/** Both checks, for one text: whether the fast path took it, and the first difference. */
export function comparePaths(text: string): { taken: boolean; difference: string | undefined } {
  const fast = fastParse(text, MAX_NESTING);
  // A text the fast path declines goes through the library either way.
  if (!fast) return { taken: false, difference: undefined };
  const document = documentDifference(text, fast);
  if (document) return { taken: true, difference: `document: ${document}` };
  const lint = lintDifference(text);
  return { taken: true, difference: lint ? `lint: ${lint}` : undefined };
}
