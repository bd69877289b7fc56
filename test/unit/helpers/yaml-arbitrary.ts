// Spec-shaped YAML and its edges, as fast-check arbitraries, for the differential test of the
// fast YAML path (test/unit/fast-yaml.test.ts and scripts/fuzz-yaml.mjs share them).
//
// A text is built from a small model (maps, lists, scalars in every style, block scalars, flow
// collections, comments and blank lines between and after lines) rendered with random layout
// choices, or taken from a real spec in examples/, or assembled from loose lines at odd
// indentation; then a few mutations may edit it (insert an edge snippet, delete or duplicate a
// line, shift its indentation, CRLF, no final newline). fast-check shrinks the model and the
// mutations, so a mismatch comes back as a small text.

import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

// ---------------------------------------------------------------------------------------------
// Words and scalars.

// biome-ignore format: a table packed by hand, a few entries a line
const SPEC_KEYS = [
  "jointspec", "id", "title", "status", "summary", "glossary", "owners", "kpis", "security_review", "data", "systems",
  "timeline", "approvals", "links", "marketing", "technology", "name", "role", "email", "team", "definition", "target",
  "baseline", "source", "cadence", "reviewer", "date", "data_classification", "notes", "classification", "url", "kickoff",
  "go-live",
];

// biome-ignore format: a table packed by hand, a few entries a line
const PLAIN_WORDS = [
  "approved", "in-review", "draft", "live", "waived", "pii", "internal", "public", "weekly", "daily", "marketing",
  "technology", "Aisha Bello", "Share of orders with a bundle, per week", "warehouse.order_lines", "a@b.example",
  "customer", "real time", "DR", "SQL", "conversion", "x", "a b", "é", "😀 emoji", "1.2.3", "http://x.y/z?a=b#c",
  "ratio 3:1", "x#y", "a:b", "a -b", "-x", "?x", ":x", "x:", "x,y", "x]", "x}", "x{y", "x[y]", "C#", "foo bar  baz",
  "Null-ish", "trueish", "2027-01-15", "2027-13-45", "12:30", "12:30:00", "0:1",
];

// YAML 1.2 core forms, and their 1.1 lookalikes that 1.2 reads as strings.
// biome-ignore format: a table packed by hand, a few entries a line
const TYPED_WORDS = [
  "1", "0", "-0", "+3", "-2", "007", "1_000", "0o17", "0o8", "0x1F", "0xg", "0b101", "1.5", ".5", "5.", "-.5", "0.10",
  "1e3", "1E-3", "-1.5e+3", "1e", ".inf", "-.inf", "+.INF", ".Inf", ".nan", ".NaN", ".NAN", "inf", "nan", "~", "null",
  "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "yes", "no", "on", "off", "y",
  "n", "Yes", "NO", "123456789012345678901234567890", "1:20", "0.0", "-.0", "+.5e2",
];

const SINGLE_QUOTED = ["''", "'x'", "'it''s'", "'# not a comment'", "'a: b'", "' lead'", "'trail '", "'x\\n'", "'\"'", "'é'"];
// biome-ignore format: a table packed by hand, a few entries a line
const DOUBLE_QUOTED = [
  '""', '"x"', '"tab\\there"', '"quote \\" in"', '"back\\\\slash"', '"\\u00e9"', '"\\x41"', '"\\U0001F600"', '"\\n\\r\\t"',
  '"\\0\\a\\b\\e\\f\\v"', '"\\ \\/"', '"\\N\\_\\L\\P"', '"\\q"', '"\\x4"', '"\\u00"', '"# no comment"', '"a: b"', '"\'"',
  '" lead"', '"trail "', '"x  "',
];

// Characters that stress scalars and structure when strung together.
const TRICKY_CHARS = ["a", "b", " ", " ", "#", ":", "-", "'", '"', "\\", "[", "]", "{", "}", ",", "?", "!", "&", "*", "|", ">", "%", "@", "`", "\t", "é", "😀"];

const trickyString = fc.string({ unit: fc.constantFrom(...TRICKY_CHARS), minLength: 1, maxLength: 8 });

const scalarText: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...PLAIN_WORDS) },
  { weight: 5, arbitrary: fc.constantFrom(...TYPED_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...SINGLE_QUOTED) },
  { weight: 2, arbitrary: fc.constantFrom(...DOUBLE_QUOTED) },
  { weight: 1, arbitrary: trickyString },
  { weight: 1, arbitrary: trickyString.map((s) => `"${s}"`) },
  { weight: 1, arbitrary: trickyString.map((s) => `'${s}'`) },
  { weight: 1, arbitrary: fc.constantFrom("&a x", "*a", "!!str 1", "!t x", "? x", "- x", "@x", "`x", "%x", "a: b", "|x", ">x") },
);

const keyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 40, arbitrary: fc.constantFrom(...SPEC_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom("key with spaces", "'quoted key'", '"dq key"', "1", "true", "~", "null", "x#y", "é", "'a: b'", "-k", "k ", "? k") },
  // Keys that meet in plain data (null and "", 1 and "1") or that an object already has.
  { weight: 1, arbitrary: fc.constantFrom("__proto__", "'__proto__'", "constructor", "toString", "hasOwnProperty", "''", "'1'", "'true'", "0x1", "1.0") },
  { weight: 1, arbitrary: fc.constantFrom(...TYPED_WORDS) },
  { weight: 1, arbitrary: trickyString },
  // Around the 1,024-character limit on implicit keys.
  { weight: 1, arbitrary: fc.integer({ min: 1018, max: 1030 }).map((n) => "k".repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 1016, max: 1028 }).map((n) => `"${"q".repeat(n)}"`) },
);

const commentText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "#",
    "# c",
    "#c",
    "# comment: with colon",
    "# - dash",
    "## double",
    "# jointspec-disable-next-line shared-kpi -- why",
    "# jointspec-disable kpi-measurable",
    "#  spaced  ",
  ),
  trickyString.map((s) => `#${s}`),
);

// ---------------------------------------------------------------------------------------------
// The model.

/** A blank or comment line between content lines; `shift` moves it from the surrounding column. */
export type Trivia = { kind: "blank"; spaces: number } | { kind: "comment"; shift: number; text: string };

export interface BlockScalarModel {
  kind: "block";
  indicator: "|" | ">";
  chomping: "" | "-" | "+";
  /** Explicit indentation indicator, 0 for none. */
  explicit: number;
  /** Whether the indicator digit comes after the chomping indicator. */
  digitLast: boolean;
  headerComment: string | null;
  /** Extra columns of the body past the parent's column (at least 1 for valid YAML). */
  bodyIndent: number;
  lines: { extra: number; text: string }[];
}

export interface FlowModel {
  kind: "flow";
  text: string;
}

export interface ScalarModel {
  kind: "scalar";
  text: string;
  /** Lines below that a plain scalar goes on over (or that end it), `extra` columns past the value's parent. */
  more: { extra: number; text: string }[];
}

export interface MapModel {
  kind: "map";
  /** Columns the children sit right of the key. */
  step: number;
  entries: EntryModel[];
}

export interface SeqModel {
  kind: "seq";
  step: number;
  /** Under a key: whether the dashes sit at the key's column rather than indented. */
  atKeyColumn: boolean;
  /** Whether map items start on the dash's line (`- key: v`). */
  compact: boolean;
  items: ItemModel[];
}

/** A quoted scalar over several lines, as long summaries are written. */
export interface QuotedModel {
  kind: "quoted";
  quote: "'" | '"';
  /** The text after the opening quote, on the key's or dash's line. */
  first: string;
  /** The lines below, `extra` columns past the value's parent (0 or less ends the scalar early: an error). */
  lines: { extra: number; text: string }[];
  /** Whether the closing quote sits on a line of its own rather than at the end of the last line. */
  closeAlone: boolean;
  /** Text after the closing quote (a comment, or something that makes it a key or an error). */
  after: string;
}

export type ValueModel = ScalarModel | FlowModel | BlockScalarModel | QuotedModel | MapModel | SeqModel | null;

export interface EntryModel {
  before: Trivia[];
  key: string;
  value: ValueModel;
  trailing: string | null;
  /** Spaces after the colon (0 makes `a:b`, one scalar). */
  gap: number;
}

export interface ItemModel {
  before: Trivia[];
  value: ValueModel;
  trailing: string | null;
}

const trivia: fc.Arbitrary<Trivia> = fc.oneof(
  fc.record({
    kind: fc.constant("blank" as const),
    spaces: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }) }),
  }),
  fc.record({ kind: fc.constant("comment" as const), shift: fc.integer({ min: -4, max: 4 }), text: commentText }),
);

const triviaList = fc.oneof({ weight: 3, arbitrary: fc.constant([] as Trivia[]) }, { weight: 1, arbitrary: fc.array(trivia, { minLength: 1, maxLength: 3 }) });

const trailing = fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: commentText.map((c) => (c.startsWith("#") ? c : `#${c}`)) });

const blockLine = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      extra: fc.constant(0),
      text: fc.constantFrom(...PLAIN_WORDS, "line one", "  two spaces in", "# not a comment", "- not a list", "key: not a map", "x ", "'q'", '"dq"'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ extra: fc.constant(0), text: fc.constant("") }) },
  { weight: 1, arbitrary: fc.record({ extra: fc.integer({ min: 1, max: 4 }), text: fc.constant("") }) },
  { weight: 1, arbitrary: fc.record({ extra: fc.integer({ min: 1, max: 3 }), text: fc.constantFrom("indented more", "# deeper", "x") }) },
  { weight: 1, arbitrary: fc.record({ extra: fc.integer({ min: -2, max: -1 }), text: fc.constantFrom("less", "", "# c", "# c", "# c") }) },
);

const blockScalar: fc.Arbitrary<BlockScalarModel> = fc.record({
  kind: fc.constant("block" as const),
  indicator: fc.constantFrom("|" as const, ">" as const),
  chomping: fc.constantFrom("" as const, "-" as const, "+" as const),
  explicit: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) }),
  digitLast: fc.boolean(),
  headerComment: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(" # c", " #", "#c", "  # two") }),
  bodyIndent: fc.oneof(
    { weight: 6, arbitrary: fc.constant(2) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 5 }) },
    { weight: 1, arbitrary: fc.constant(0) },
  ),
  lines: fc.array(blockLine, { minLength: 0, maxLength: 6 }),
});

// A flow collection as text: nested, empty, trailing commas, spaces before commas.
const flowText: fc.Arbitrary<string> = fc.letrec<{ flow: string; item: string }>((tie) => ({
  flow: fc
    .record({
      open: fc.constantFrom("[", "{"),
      items: fc.array(tie("item"), { maxLength: 4 }),
      before: fc.constantFrom("", " ", "  "),
      comma: fc.constantFrom(",", ", ", " , ", " ,", ",  "),
      trailingComma: fc.oneof({ weight: 5, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom(",", ", ", " ,") }),
      after: fc.constantFrom("", " "),
      pairs: fc.boolean(),
      keys: fc.array(fc.constantFrom("a", "b", "x", "'k'", '"k"', "1", "a b"), { minLength: 4, maxLength: 4 }),
    })
    .map(({ open, items, before, comma, trailingComma, after, pairs, keys }) => {
      const close = open === "[" ? "]" : "}";
      const written = items.map((item, i) => (open === "{" || pairs ? `${keys[i % keys.length]}: ${item}` : item));
      return `${open}${before}${written.join(comma)}${items.length > 0 ? trailingComma : ""}${after}${close}`;
    }),
  item: fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom("a", "b c", "1", "-2", "0x1F", "true", "~", "null", "'q'", "'it''s'", '"d"', '"\\u00e9"', "x#y", "é", "") },
    { weight: 1, arbitrary: fc.constantFrom("a:b", "a: b", ": b", "? a", "- a", "#c", "a #c", "&x a", "*x", "!t a", "{", "]") },
    { weight: 1, arbitrary: fc.constantFrom("http://x.y", "a:", "a,", "a,", "x\n  y") },
    { weight: 2, arbitrary: tie("flow") },
  ),
})).flow;

const flow: fc.Arbitrary<FlowModel> = flowText.map((text) => ({ kind: "flow" as const, text }));

// Long text wrapped over lines, as people write summaries; blank lines, comments and colons
// among them, and lines not indented enough to go on.
const moreLine = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      extra: fc.integer({ min: 1, max: 4 }),
      text: fc.constantFrom("continued over lines", "and more words", "- not a list", "'not quoted'", "x#y", "3:1", "C#"),
    }),
  },
  { weight: 2, arbitrary: fc.record({ extra: fc.constantFrom(0, 1, 3), text: fc.constant("") }) },
  {
    weight: 1,
    arbitrary: fc.record({ extra: fc.integer({ min: 0, max: 3 }), text: fc.constantFrom("# a comment", "text # then a comment", "key: value", "ends with:") }),
  },
  { weight: 1, arbitrary: fc.record({ extra: fc.constantFrom(-1, 0), text: fc.constantFrom("less", "next: 1") }) },
);

const scalar: fc.Arbitrary<ScalarModel> = fc.record({
  kind: fc.constant("scalar" as const),
  text: scalarText,
  more: fc.oneof(
    { weight: 8, arbitrary: fc.constant([] as ScalarModel["more"]) },
    { weight: 1, arbitrary: fc.array(moreLine, { minLength: 1, maxLength: 3 }) },
  ),
});

// Lines of a quoted scalar: words with what would be structure outside quotes, escapes good
// and bad, doubled and lone quotes, trailing spaces, an escaped line break, blank lines.
const QUOTED_LINE_TEXTS = [
  "continued over lines",
  "and more words",
  "# not a comment",
  "- not a list",
  "key: not a map",
  "ratio 3:1",
  "x#y",
  "C# and F#",
  "it''s",
  "a ''quoted'' word",
  'say \\"hi\\"',
  "tab\\there",
  "\\u00e9 and \\x41",
  "bad \\q escape",
  "ends with a backslash \\",
  "trailing spaces   ",
  "  leading spaces",
  "é € “curly”",
  "[not, flow]",
  "{not: flow}",
  "&a *b !t",
  "'",
  '"',
  "---",
  "...",
  "%x",
];

const quotedLine = fc.oneof(
  { weight: 8, arbitrary: fc.record({ extra: fc.integer({ min: 1, max: 4 }), text: fc.constantFrom(...QUOTED_LINE_TEXTS) }) },
  { weight: 2, arbitrary: fc.record({ extra: fc.constantFrom(0, 1, 3, 6), text: fc.constant("") }) },
  { weight: 1, arbitrary: fc.record({ extra: fc.integer({ min: -1, max: 0 }), text: fc.constantFrom("less", "# c", "next: 1") }) },
);

const quoted: fc.Arbitrary<QuotedModel> = fc.record({
  kind: fc.constant("quoted" as const),
  quote: fc.constantFrom("'" as const, '"' as const),
  first: fc.constantFrom("", "Member preview on smart home", "a: b # c", "ends with a space ", "x\\", "it''s", "\\t"),
  lines: fc.array(quotedLine, { minLength: 1, maxLength: 4 }),
  closeAlone: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  after: fc.oneof(
    { weight: 6, arbitrary: fc.constant("") },
    { weight: 2, arbitrary: fc.constantFrom(" # c", "  #c", "#c", " ") },
    { weight: 1, arbitrary: fc.constantFrom(": v", " x", ",") },
  ),
});

const models = fc.letrec<{ value: ValueModel; map: MapModel; seq: SeqModel; entry: EntryModel; item: ItemModel }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 6, arbitrary: scalar },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: flow },
    { weight: 2, arbitrary: blockScalar },
    { weight: 2, arbitrary: quoted },
    { weight: 2, arbitrary: tie("map") },
    { weight: 2, arbitrary: tie("seq") },
  ),
  map: fc.record({
    kind: fc.constant("map" as const),
    step: fc.oneof({ weight: 6, arbitrary: fc.constant(2) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) }),
    // Mostly distinct keys; equal values written differently (~ and null, 1 and 0x1) still meet.
    entries: fc.uniqueArray(tie("entry"), { minLength: 1, maxLength: 4, selector: (entry) => entry.key }),
  }),
  seq: fc.record({
    kind: fc.constant("seq" as const),
    step: fc.oneof({ weight: 6, arbitrary: fc.constant(2) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) }),
    atKeyColumn: fc.boolean(),
    compact: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    items: fc.array(tie("item"), { minLength: 1, maxLength: 4 }),
  }),
  entry: fc.record({
    before: triviaList,
    key: keyText,
    value: tie("value"),
    trailing,
    gap: fc.oneof({ weight: 20, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constantFrom(0, 2, 3) }),
  }),
  item: fc.record({ before: triviaList, value: tie("value"), trailing }),
}));

// ---------------------------------------------------------------------------------------------
// Rendering.

function renderTrivia(list: readonly Trivia[], column: number, out: string[]): void {
  for (const t of list) {
    if (t.kind === "blank") out.push(" ".repeat(t.spaces));
    else out.push(" ".repeat(Math.max(0, column + t.shift)) + t.text);
  }
}

function withTrailing(line: string, comment: string | null): string {
  return comment === null ? line : `${line} ${comment}`;
}

function blockHeader(block: BlockScalarModel): string {
  const digit = block.explicit > 0 ? String(block.explicit) : "";
  return block.indicator + (block.digitLast ? block.chomping + digit : digit + block.chomping) + (block.headerComment ?? "");
}

// Renders `value` after `head` (a key with its colon, or a dash) on the line being written,
// whose structure sits at `column`; nested blocks go below at the model's step.
function renderValue(head: string, value: ValueModel, column: number, trailingComment: string | null, out: string[], gap = " "): void {
  if (value === null) {
    out.push(withTrailing(head, trailingComment));
    return;
  }
  switch (value.kind) {
    case "scalar":
      if (value.more.length === 0) {
        out.push(withTrailing(`${head}${gap}${value.text}`, trailingComment));
        return;
      }
      out.push(`${head}${gap}${value.text}`);
      value.more.forEach((more, i) => {
        const line = more.text === "" ? " ".repeat(Math.max(0, more.extra)) : " ".repeat(Math.max(0, column + more.extra)) + more.text;
        out.push(i === value.more.length - 1 ? withTrailing(line, trailingComment) : line);
      });
      return;
    case "flow":
      out.push(withTrailing(`${head}${gap}${value.text}`, trailingComment));
      return;
    case "block": {
      out.push(`${head}${gap}${blockHeader(value)}`);
      const bodyColumn = column + value.bodyIndent;
      for (const line of value.lines) {
        // A blank line, or one of spaces only: fewer, as many or more than the body's indentation.
        if (line.text === "") out.push(line.extra === 0 ? "" : " ".repeat(Math.max(0, bodyColumn + line.extra - 2)));
        else out.push(" ".repeat(Math.max(0, bodyColumn + line.extra)) + line.text);
      }
      return;
    }
    case "quoted": {
      out.push(`${head}${gap}${value.quote}${value.first}`);
      const below = value.lines.map((line) =>
        line.text === "" ? " ".repeat(Math.max(0, line.extra)) : " ".repeat(Math.max(0, column + line.extra)) + line.text,
      );
      if (value.closeAlone) below.push(" ".repeat(column + 1));
      below[below.length - 1] += value.quote + value.after;
      out.push(...below.slice(0, -1), withTrailing(below[below.length - 1]!, trailingComment));
      return;
    }
    case "map":
      out.push(withTrailing(head, trailingComment));
      renderMap(value, column + value.step, out);
      return;
    case "seq":
      out.push(withTrailing(head, trailingComment));
      renderSeq(value, value.atKeyColumn && head.endsWith(":") ? column : column + value.step, out);
      return;
  }
}

function renderMap(map: MapModel, column: number, out: string[], firstLinePrefix?: string): void {
  map.entries.forEach((entry, index) => {
    renderTrivia(entry.before, column, out);
    const pad = index === 0 && firstLinePrefix !== undefined ? firstLinePrefix : " ".repeat(column);
    renderValue(`${pad}${entry.key}:`, entry.value, column, entry.trailing, out, " ".repeat(entry.gap));
  });
}

function renderSeq(seq: SeqModel, column: number, out: string[]): void {
  for (const item of seq.items) {
    renderTrivia(item.before, column, out);
    const dash = `${" ".repeat(column)}-`;
    const value = item.value;
    if (value !== null && value.kind === "map" && seq.compact) {
      // `- key: value`, the map's keys at the column after the dash.
      renderMap(value, column + 2, out, `${dash} `);
    } else {
      renderValue(dash, value, column, item.trailing, out);
    }
  }
}

/** The lines of a model's text: leading trivia, the root collection, trailing trivia. */
function renderDocument(root: MapModel | SeqModel, leading: Trivia[], trailingTrivia: Trivia[]): string[] {
  const out: string[] = [];
  renderTrivia(leading, 0, out);
  if (root.kind === "map") renderMap(root, 0, out);
  else renderSeq(root, 0, out);
  renderTrivia(trailingTrivia, 0, out);
  return out;
}

// The spec's top-level keys come first in SPEC_KEYS.
const SPEC_ROOT_KEYS = 13;

// A top-level map that looks like a spec: the spec's own keys, in order, with generated values.
const specRoot: fc.Arbitrary<MapModel> = fc
  .record({
    values: fc.array(models.value, { minLength: SPEC_ROOT_KEYS, maxLength: SPEC_ROOT_KEYS }),
    keep: fc.array(fc.boolean(), { minLength: SPEC_ROOT_KEYS, maxLength: SPEC_ROOT_KEYS }),
    befores: fc.array(triviaList, { minLength: SPEC_ROOT_KEYS, maxLength: SPEC_ROOT_KEYS }),
    trailings: fc.array(trailing, { minLength: SPEC_ROOT_KEYS, maxLength: SPEC_ROOT_KEYS }),
  })
  .map(({ values, keep, befores, trailings }) => ({
    kind: "map" as const,
    step: 2,
    entries: SPEC_KEYS.slice(0, SPEC_ROOT_KEYS)
      .map((key, i) => ({
        before: befores[i]!,
        key,
        value: key === "jointspec" ? { kind: "scalar" as const, text: "1", more: [] } : values[i]!,
        trailing: trailings[i]!,
        gap: 1,
      }))
      .filter((_, i) => i === 0 || keep[i]),
  }));

const modelText = fc
  .record({
    root: fc.oneof({ weight: 3, arbitrary: models.map }, { weight: 1, arbitrary: models.seq }, { weight: 2, arbitrary: specRoot }),
    leading: triviaList,
    trailingTrivia: triviaList,
  })
  .map(({ root, leading, trailingTrivia }) => renderDocument(root, leading, trailingTrivia));

// Loose lines at odd indentation: structure the model would never write.
// biome-ignore format: a table packed by hand, a few entries a line
const LOOSE_LINES = [
  "a: 1", "b:", "- x", "- k: v", "  k2: v2", "-", "- ", "k: [1, 2]", "k: {a: 1}", "k: |", "k: >-", "text", "# c", "",
  "k: 'q'", 'k: "d"', "k: v # c", "? k", ": v", "k: &a v", "k: *a", "---", "...", "k: x: y", "k:  ", "owners:",
  "marketing:", "technology:", "- name: N", "  role: R", "kpis:", "- id: k1", "  target: 1", "security_review:", "  status: approved",
];

const looseText = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom(...LOOSE_LINES)), { minLength: 1, maxLength: 10 })
  .map((lines) => lines.map(([indent, line]) => (line === "" ? "" : " ".repeat(indent) + line)));

// Real specs, read once.
let exampleLines: string[][] | undefined;
function examples(): string[][] {
  if (!exampleLines) {
    const dir = join(__dirname, "../../../../examples");
    exampleLines = readdirSync(dir)
      .filter((name) => name.endsWith(".yaml"))
      .sort()
      .map((name) => readFileSync(join(dir, name), "utf8").replace(/\n$/, "").split("\n"));
  }
  return exampleLines;
}

// A real spec, most of its lines kept; shrinking drops lines, so a mismatch found in a real spec
// comes back as the few lines that cause it.
const keepLine = fc.oneof({ withCrossShrink: true }, { weight: 1, arbitrary: fc.constant(false) }, { weight: 60, arbitrary: fc.constant(true) });

const exampleText = fc
  .nat()
  .map((n) => examples()[n % examples().length]!)
  .chain((lines) => fc.array(keepLine, { minLength: lines.length, maxLength: lines.length }).map((keep) => lines.filter((_, i) => keep[i])));

// ---------------------------------------------------------------------------------------------
// Mutations.

// biome-ignore format: a table packed by hand, a few entries a line
const SNIPPETS = [
  "# c", "  # c", " #", "#", "", "   ", "\t", " ", ": ", ":", "- ", "-", "? ", "&a ", "*a", "!t ", "|", ">", "|-", ">+", "|2",
  "'", '"', "{", "}", "[", "]", ",", " , ", "---", "...", "%YAML 1.2", "\\", "\uFEFF", "\r", "x", "é", "k: v", "- k: v",
  "[a, b,]", "{a: 1 , b: [ 1 ] }", "''", '"\\x41"', "~", "0o7", ".inf", "yes", `${"k".repeat(1025)}: v`,
];

export type Mutation =
  | { kind: "insert-line"; at: number; text: string; indent: number }
  | { kind: "insert-text"; at: number; column: number; text: string }
  | { kind: "delete-line"; at: number }
  | { kind: "duplicate-line"; at: number }
  | { kind: "indent"; at: number; by: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("insert-line" as const), at: fc.nat(), text: fc.constantFrom(...SNIPPETS), indent: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constant("insert-text" as const), at: fc.nat(), column: fc.nat(), text: fc.constantFrom(...SNIPPETS) }),
  fc.record({ kind: fc.constant("delete-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("indent" as const), at: fc.nat(), by: fc.integer({ min: -3, max: 3 }).filter((n) => n !== 0) }),
);

function applyMutation(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  const at = out.length === 0 ? 0 : m.at % out.length;
  switch (m.kind) {
    case "insert-line":
      out.splice(at, 0, " ".repeat(m.indent) + m.text);
      break;
    case "insert-text": {
      const line = out[at] ?? "";
      const column = m.column % (line.length + 1);
      out[at] = line.slice(0, column) + m.text + line.slice(column);
      break;
    }
    case "delete-line":
      out.splice(at, 1);
      break;
    case "duplicate-line":
      if (out.length > 0) out.splice(at, 0, out[at]!);
      break;
    case "indent": {
      const line = out[at] ?? "";
      out[at] = m.by > 0 ? " ".repeat(m.by) + line : line.replace(new RegExp(`^ {0,${-m.by}}`), "");
      break;
    }
  }
  return out;
}

const finish = fc.record({
  crlf: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  finalNewline: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

function joinLines(lines: readonly string[], { crlf, finalNewline }: { crlf: boolean; finalNewline: boolean }): string {
  const eol = crlf ? "\r\n" : "\n";
  return lines.join(eol) + (finalNewline && lines.length > 0 ? eol : "");
}

/** Spec-shaped YAML texts and their edges. */
export function yamlText(): fc.Arbitrary<string> {
  return fc
    .record({
      lines: fc.oneof({ weight: 5, arbitrary: modelText }, { weight: 2, arbitrary: exampleText }, { weight: 1, arbitrary: looseText }),
      mutations: fc.oneof(
        { weight: 3, arbitrary: fc.constant([] as Mutation[]) },
        { weight: 1, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) },
      ),
      finish,
    })
    .map(({ lines, mutations, finish: how }) => joinLines(mutations.reduce(applyMutation, lines), how));
}
