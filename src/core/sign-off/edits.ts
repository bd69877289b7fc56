// Writes a sign-off into a spec's text: `approvals.<function>` with the signer's name, the date
// and the record of what was signed, as the fewest characters changed in the style already
// there (block or flow, indentation, CRLF, a BOM), so comments and formatting survive and an
// editor can apply it as one undoable edit. Every edit is checked by parsing the result.

import { isMap, isScalar, type Node } from "yaml";
import { applyTextEdits } from "../fixes/apply.js";
import { EditBuilder, type RawEdit } from "../fixes/yaml-edits.js";
import { parseYaml } from "../parse.js";
import { resolvePath } from "../paths.js";
import { date as isDate } from "../schema/formats.js";
import { asMap, describeNotAPerson, notAPerson, type Data } from "../spec-data.js";
import { FUNCTIONS, type TextEdit } from "../types.js";
import { signOffRecord } from "./record.js";
import type { SigningFunction } from "./review.js";

/** Who signs, and the day they sign (YYYY-MM-DD; the host knows the date, the core has no clock). */
export interface Signer {
  name: string;
  date: string;
}

/** Why `name` cannot sign (a placeholder or a team, not a person), or undefined when it can. */
export function signerProblem(name: string): string | undefined {
  const why = notAPerson(name);
  if (why === undefined) return undefined;
  return name.trim() === ""
    ? "A sign-off needs the name of the person signing."
    : `${describeNotAPerson(name, why)}: a sign-off needs the name of the person signing.`;
}

/** Why `date` is no sign-off date (not a real day written YYYY-MM-DD), or undefined when it is one. */
export function signOffDateProblem(date: string): string | undefined {
  return isDate(date) ? undefined : `${JSON.stringify(date)} is not a date written as YYYY-MM-DD.`;
}

/**
 * The edits that sign `text` off for `fn`: they write or replace `approvals.<fn>` (name, date
 * and record) and nothing else; `approvals:` is added where the schema's order puts it (after
 * the timeline) when the spec has none. An error, with its reason, when the signer or the date
 * is not valid, or the text is not one well-formed YAML map.
 */
export function signOffEdits(text: string, fn: SigningFunction, signer: Signer): { edits: TextEdit[] } | { error: string } {
  if (!FUNCTIONS.includes(fn)) return { error: `${JSON.stringify(fn)} is not a function that signs; use marketing or technology.` };
  const name = signer.name.trim();
  const problem = signerProblem(name) ?? signOffDateProblem(signer.date);
  if (problem) return { error: problem };

  const parsed = parseYaml(text);
  const first = parsed.problems[0];
  if (first) {
    const at = parsed.lines.positionAt(first.offsets[0]);
    return { error: `The spec is not well-formed YAML (line ${at.line + 1}, column ${at.character + 1}: ${first.message}); fix it before signing.` };
  }
  const spec = asMap(parsed.data);
  if (!parsed.document || !spec) return { error: "The file does not hold a spec: its YAML is not a map of keys." };

  const entry = { name, date: signer.date, record: signOffRecord(spec) };
  const raw = entryEdits(new EditBuilder(parsed.document, parsed.lines), parsed.document, fn, entry);
  if ("error" in raw) return raw;

  // The proof that the edits did what they should and nothing else: parse the result and
  // compare its data with the data expected.
  const edits = mergeInsertions(raw.edits).map(
    (edit): TextEdit => ({ range: parsed.lines.rangeOf(edit.start, edit.end), offsets: [edit.start, edit.end], newText: edit.newText }),
  );
  const after = parseYaml(applyTextEdits(text, edits));
  const expected = { ...spec, approvals: { ...asMap(spec.approvals), [fn]: { ...asMap(asMap(spec.approvals)?.[fn]), ...entry } } };
  if (after.problems.length > 0 || !sameData(after.data, expected)) {
    return {
      error: `approvals.${fn} is written in a way JointSpec cannot edit safely (an alias or an unusual layout); write the sign-off by hand or simplify that part.`,
    };
  }
  return { edits };
}

function entryEdits(
  builder: EditBuilder,
  document: NonNullable<ReturnType<typeof parseYaml>["document"]>,
  fn: SigningFunction,
  entry: { name: string; date: string; record: string },
): { edits: RawEdit[] } | { error: string } {
  const approvals = resolvePath(document, ["approvals"]);
  if (approvals.depth === 0 || isEmpty(approvals.node)) return { edits: builder.insertEntry(["approvals"], fn, entry) };
  if (!isMap(approvals.node)) return { error: "approvals is not a map; write it as approvals: with marketing: and technology: under it." };

  const existing = resolvePath(document, ["approvals", fn]);
  if (existing.depth < 2) return { edits: builder.insertEntry(["approvals"], fn, entry) };
  if (isEmpty(existing.node)) {
    // `marketing:` with nothing after it.
    return { edits: Object.entries(entry).flatMap(([key, value]) => builder.insertEntry(["approvals", fn], key, value)) };
  }
  if (!isMap(existing.node)) return { error: `approvals.${fn} is not a map; write it as ${fn}: { name: …, date: … }.` };

  // Replace only what differs, field by field, so that comments inside the entry stay.
  const edits: RawEdit[] = [];
  for (const [key, value] of Object.entries(entry)) {
    const field = resolvePath(document, ["approvals", fn, key]);
    if (field.depth < 3) {
      edits.push(...builder.insertEntry(["approvals", fn], key, value));
    } else if (!isScalar(field.node)) {
      return { error: `approvals.${fn}.${key} is not a plain value; write it as ${key}: followed by the value.` };
    } else if (field.node.value !== value) {
      edits.push(...builder.replaceValue(["approvals", fn, key], value));
    }
  }
  return { edits };
}

// `key:` with nothing after it, which the yaml library reads as a null scalar without text.
function isEmpty(node: Node | undefined): boolean {
  return node === undefined || (isScalar(node) && node.value === null && node.source === "");
}

// Several entries inserted into one map land at one offset; joined in order, they read as one
// insertion (and an editor applies one edit per place).
function mergeInsertions(edits: readonly RawEdit[]): RawEdit[] {
  const merged: RawEdit[] = [];
  for (const edit of edits) {
    const previous = merged.find((other) => other.start === edit.start && other.end === other.start && edit.end === edit.start);
    if (previous) previous.newText += edit.newText;
    else merged.push({ ...edit });
  }
  return merged.sort((a, b) => a.start - b.start);
}

function sameData(actual: unknown, expected: unknown): boolean {
  return JSON.stringify(sortKeys(actual)) === JSON.stringify(sortKeys(expected));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Data)[key])]),
    );
  }
  return value;
}
