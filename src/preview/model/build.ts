// Builds the preview model (types.ts) from a lint result: the facts of each section in
// display order, the readiness checklist (readiness.ts), and the glossary terms used.
// Pure: a lint result in, plain data out. Never throws: a broken spec gives a model that
// says what is wrong.
//
// Each finding has one home on the page, so nothing is said twice: the checklist's rules
// go to their checklist item, ambiguous terms to their term card, everything else to the
// most specific item whose path starts its path, and what no item claims to `problems`.

import { isMap, isScalar, type Document } from "yaml";
import type { GlossaryEntry } from "../../core/glossary/glossary.js";
import { findTermOccurrences, readPins, type TermOccurrence, type TermPin } from "../../core/glossary/terms.js";
import type { SpecAnalysis } from "../../core/lint.js";
import { offsetsForPath, resolvePath } from "../../core/paths.js";
import { schemaAt } from "../../core/schema/spec-schema.js";
import { readyToSign, reviewState } from "../../core/sign-off/review.js";
import { asList, asMap, asText, kpiOwners, notAPerson, type Data } from "../../core/spec-data.js";
import type { SuppressedFinding } from "../../core/suppressions.js";
import type { LineIndex } from "../../core/text.js";
import { FUNCTIONS, type BusinessFunction, type Finding, type Range, type SeveritySetting, type SpecPath } from "../../core/types.js";
import { READINESS_RULE_IDS, readinessChecks } from "./readiness.js";
import type {
  Anchored,
  Milestone,
  OwnersSide,
  PreviewApproval,
  PreviewField,
  PreviewFinding,
  PreviewModel,
  PreviewSection,
  PreviewTerm,
  Readability,
  SecurityReviewCard,
  TextSegment,
} from "./types.js";

/** What buildPreviewModel reads: a lint result, or the findings alone when the bytes were not text. */
export interface PreviewInput {
  findings: readonly Finding[];
  suppressed?: readonly SuppressedFinding[];
  analysis: SpecAnalysis | undefined;
}

export interface PreviewOptions {
  /** The severities the lint ran with: a rule that is off leaves its check "not checked". */
  severities?: Readonly<Record<string, SeveritySetting | undefined>>;
  /** Shown when the spec has neither title nor id. */
  fileName?: string;
}

// Sections whose absence the reader is told about; approvals and links are optional extras.
const EXPECTED_SECTIONS: readonly { key: string; words: string }[] = [
  { key: "title", words: "title" },
  { key: "status", words: "status" },
  { key: "summary", words: "summary" },
  { key: "owners", words: "owners" },
  { key: "kpis", words: "KPIs" },
  { key: "security_review", words: "security review" },
  { key: "data", words: "data" },
  { key: "systems", words: "systems" },
  { key: "timeline", words: "timeline" },
];

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const AMBIGUOUS_TERM_RULE = "ambiguous-term";

/** Builds the preview of one linted spec. Never throws: a broken spec gives a model that says so. */
export function buildPreviewModel(input: PreviewInput, options: PreviewOptions = {}): PreviewModel {
  const source = readSource(input.analysis);
  const builder = new ModelBuilder(source);
  const spec = source.spec ?? {};
  const at = (path: SpecPath) => builder.anchored(path);

  const title = builder.field(["title"]);
  const id = builder.field(["id"]);
  const status = builder.field(["status"], { describe: true });
  const summary = builder.field(["summary"]);

  const ownersMap = asMap(spec.owners);
  const ownersSide = (side: BusinessFunction): OwnersSide => ({
    ...at(["owners", side]),
    side,
    present: ownersMap !== undefined && side in ownersMap,
    people: asList(ownersMap?.[side]).map((person, index) => {
      const path = ["owners", side, index];
      // `- Sam Patel` instead of `- name: Sam Patel` still names someone (the schema says the rest).
      const name = asMap(person) ? builder.field([...path, "name"]) : builder.field(path);
      return {
        ...at(path),
        name,
        named: notAPerson(name?.text) === undefined,
        role: builder.field([...path, "role"]),
        email: builder.field([...path, "email"]),
        team: builder.field([...path, "team"]),
      };
    }),
  });

  const kpis = builder.section("kpis", (path, item) => {
    const kpi = asMap(item) ?? {};
    const owners = FUNCTIONS.filter((side) => kpiOwners(kpi).has(side));
    return {
      ...at(path),
      id: asText(kpi.id),
      name: builder.field([...path, "name"]),
      definition: builder.field([...path, "definition"]),
      target: builder.field([...path, "target"]),
      baseline: builder.field([...path, "baseline"]),
      source: builder.field([...path, "source"]),
      cadence: builder.field([...path, "cadence"], { describe: true }),
      focus: builder.field([...path, "focus"], { describe: true }),
      customer: builder.field([...path, "customer"], { describe: true }),
      owners,
      shared: owners.length === FUNCTIONS.length,
    };
  });

  const review = asMap(spec.security_review);
  const securityReview: SecurityReviewCard = {
    ...at(["security_review"]),
    present: review !== undefined,
    status: builder.field(["security_review", "status"], { describe: true }),
    reviewer: builder.field(["security_review", "reviewer"]),
    reviewerNamed: notAPerson(review?.reviewer) === undefined,
    date: builder.field(["security_review", "date"], { date: true }),
    classification: builder.field(["security_review", "data_classification"], { describe: true }),
    notes: builder.field(["security_review", "notes"]),
  };

  const data = builder.section("data", (path) => ({
    ...at(path),
    name: builder.field([...path, "name"]),
    classification: builder.field([...path, "classification"], { describe: true }),
    systems: builder.list([...path, "systems"]),
  }));

  const systems = builder.section("systems", (path) => builder.field(path));

  const timelineMap = asMap(spec.timeline);
  // Dates written YYYY-MM-DD sort as text; anything else keeps its place after them.
  const sortKey = (key: string): string => {
    const written = asText(timelineMap?.[key]) ?? "";
    return /^\d{4}-\d{2}-\d{2}$/.test(written) ? written : "~";
  };
  // Code-unit order, not the locale's: "~" must sort after the digits.
  const milestoneKeys = Object.keys(timelineMap ?? {}).sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  const timeline: PreviewSection<Milestone> = {
    ...at(["timeline"]),
    present: timelineMap !== undefined,
    items: milestoneKeys.flatMap((key) => {
      const date = builder.field(["timeline", key], { date: true });
      return date ? [{ ...at(["timeline", key]), label: words(key), date }] : [];
    }),
  };

  const approvalsMap = asMap(spec.approvals);
  // Review state and readiness only for a spec read to the end: past a YAML error nothing is judged.
  const complete = source.readability === "complete";
  const reviews = complete ? reviewState(source.spec) : undefined;
  // The same bar for both functions: they sign the same agreement.
  const readiness = complete ? readyToSign(input) : { ready: false, reasons: [] };
  const approval = (side: BusinessFunction): PreviewApproval => {
    const name = builder.field(["approvals", side, "name"]);
    const review = reviews?.[side];
    const signed = notAPerson(name?.text) === undefined;
    return {
      ...at(["approvals", side]),
      side,
      present: approvalsMap !== undefined && side in approvalsMap,
      signed,
      name,
      date: builder.field(["approvals", side, "date"], { date: true }),
      state: signed ? (review?.state ?? "unrecorded") : "missing",
      changes: review?.state === "stale" ? review.changes : [],
      canSign: readiness.ready,
      notReady: readiness.ready ? [] : readiness.reasons,
    };
  };

  const links = builder.section("links", (path, item) => ({
    ...at(path),
    title: builder.field([...path, "title"]),
    url: asText(asMap(item)?.url) ?? "",
  }));

  const terms = builder.terms();

  const model: PreviewModel = {
    fileName: options.fileName,
    readability: source.readability,
    notice: undefined,
    missing: [],
    heading: title?.text.trim() || id?.text.trim() || options.fileName || "Untitled spec",
    title,
    id,
    status,
    summary,
    readiness: [],
    owners: { ...at(["owners"]), present: ownersMap !== undefined, marketing: ownersSide("marketing"), technology: ownersSide("technology") },
    kpis,
    securityReview,
    data,
    systems,
    timeline,
    approvals: { ...at(["approvals"]), present: approvalsMap !== undefined, marketing: approval("marketing"), technology: approval("technology") },
    links,
    terms,
    problems: [],
    counts: { error: 0, warning: 0, info: 0 },
  };

  model.readiness = readinessChecks({
    model,
    spec,
    findings: input.findings.map(toPreviewFinding),
    suppressed: (input.suppressed ?? []).map((s) => ({ finding: toPreviewFinding(s.finding), reason: s.directive.reason })),
    severities: options.severities,
    rangeOf: (path) => builder.range(path),
  });
  const claimed = new Set<string>(READINESS_RULE_IDS);
  for (const finding of input.findings) {
    model.counts[finding.severity]++;
    if (claimed.has(finding.ruleId)) continue;
    const shown = toPreviewFinding(finding);
    if (finding.ruleId === AMBIGUOUS_TERM_RULE && builder.attachToTerm(terms, shown)) continue;
    if (!builder.attachByPath(finding.path, shown)) model.problems.push(shown);
  }

  // Only a spec read to the end can say what it lacks; a YAML error may hide what follows it.
  if (source.readability === "complete") {
    model.missing = EXPECTED_SECTIONS.filter(({ key }) => spec[key] === undefined || spec[key] === null).map(({ words: w }) => w);
  }
  model.notice = noticeFor(source, model, input.findings);
  return model;
}

/** A date written YYYY-MM-DD in words, "15 Jan 2027"; anything else as written. */
export function readableDate(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : text;
}

interface SpecSource {
  readability: Readability;
  spec: Data | undefined;
  document: Document | undefined;
  lines: LineIndex | undefined;
  text: string;
  terms: readonly TermOccurrence[];
  pins: ReadonlyMap<GlossaryEntry, TermPin>;
  /** The size and the limit, in words, of a spec too large to read. */
  tooLarge?: { size: string; limit: string };
}

// A spec with YAML errors is still shown as far as it can be read: a person typing in the
// editor sees the page keep its shape, with a notice, instead of a blank.
function readSource(analysis: SpecAnalysis | undefined): SpecSource {
  if (!analysis) return { readability: "none", spec: undefined, document: undefined, lines: undefined, text: "", terms: [], pins: new Map() };
  const { parsed } = analysis;
  const base = { document: parsed.document, lines: parsed.lines, text: parsed.text, ...(analysis.tooLarge ? { tooLarge: analysis.tooLarge } : {}) };
  if (analysis.spec) return { ...base, readability: "complete", spec: analysis.spec, terms: analysis.terms, pins: analysis.pins };
  const document = parsed.document;
  if (parsed.problems.length === 0 || !document || !isMap(document.contents)) {
    return { ...base, readability: "none", spec: undefined, terms: [], pins: new Map() };
  }
  let partial: unknown;
  try {
    partial = document.toJS({ maxAliasCount: 100 });
  } catch {
    partial = undefined;
  }
  const spec = asMap(partial);
  if (!spec) return { ...base, readability: "none", spec: undefined, terms: [], pins: new Map() };
  return {
    ...base,
    readability: "partial",
    spec,
    terms: findTermOccurrences(document, parsed.text, analysis.glossary),
    pins: readPins(document, analysis.glossary),
  };
}

// Collects the anchored items as it builds them, so that findings can be attached by path.
class ModelBuilder {
  private readonly anchors: { path: SpecPath; item: Anchored }[] = [];
  private readonly termKeys = new Map<GlossaryEntry, string>();

  constructor(private readonly source: SpecSource) {}

  /**
   * The range of `path` and an empty findings list, registered for findings about `path`.
   * Items spread it into themselves and so share its findings array: attached findings land there.
   */
  anchored(path: SpecPath): Anchored {
    const item: Anchored = { range: this.range(path), findings: [] };
    this.anchors.push({ path, item });
    return item;
  }

  range(path: SpecPath): Range {
    const { document, lines } = this.source;
    if (!document || !lines) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [start, end] = offsetsForPath(document, lines, path);
    return lines.rangeOf(start, end);
  }

  /** The value at `path` as text, or undefined when it is missing or not a scalar. */
  field(path: SpecPath, how: { describe?: boolean; date?: boolean } = {}): PreviewField | undefined {
    const raw = asText(valueAt(this.source.spec, path));
    if (raw === undefined) return undefined;
    const description = how.describe ? enumDescription(path, raw) : undefined;
    // A known enum value reads as words; an unknown one is shown as written, to be fixed.
    const text = how.date ? readableDate(raw) : description ? enumWords(raw) : raw;
    // Extends the registered object itself, so findings attached later land in this field.
    return Object.assign(this.anchored(path), {
      value: raw,
      text,
      segments: text === raw ? this.segments(path, raw) : [{ text }],
      ...(description ? { description } : {}),
    });
  }

  /** The text values of the list at `path`. */
  list(path: SpecPath): PreviewField[] {
    return asList(valueAt(this.source.spec, path)).flatMap((_item, index) => this.field([...path, index]) ?? []);
  }

  /** A top-level list section, one item per entry that can be shown. */
  section<T>(key: string, item: (path: SpecPath, value: unknown) => T | undefined): PreviewSection<T> {
    const value = this.source.spec?.[key];
    return {
      ...this.anchored([key]),
      present: value !== undefined && value !== null,
      items: asList(value).flatMap((entry, index) => item([key, index], entry) ?? []),
    };
  }

  /** The glossary terms of the spec's free text, one card per entry: ambiguous first, then jargon. */
  terms(): PreviewTerm[] {
    const byEntry = new Map<GlossaryEntry, TermOccurrence[]>();
    for (const occurrence of this.source.terms) {
      const list = byEntry.get(occurrence.entry) ?? [];
      list.push(occurrence);
      byEntry.set(occurrence.entry, list);
    }
    const cards = [...byEntry].map(([entry, occurrences]): PreviewTerm => {
      const first = occurrences[0]!;
      const pin = this.source.pins.get(entry);
      return {
        range: this.source.lines ? this.source.lines.rangeOf(first.start, first.end) : this.range([]),
        findings: [],
        key: this.termKey(entry),
        term: entry.term,
        kind: entry.kind,
        marketing: entry.marketing,
        technology: entry.technology,
        example: entry.example,
        origin: entry.origin,
        source: entry.source,
        pinned: pin ? { value: pin.value, side: pin.side } : undefined,
        jargonSide: entry.kind === "jargon" ? (entry.marketing ? "marketing" : "technology") : undefined,
        uses: occurrences.length,
      };
    });
    return [...cards.filter((card) => card.kind === "ambiguous"), ...cards.filter((card) => card.kind === "jargon")];
  }

  /** Gives an ambiguous-term finding to the card of the term it is about (it points at the first use). */
  attachToTerm(terms: PreviewTerm[], finding: PreviewFinding): boolean {
    const card = terms.find((term) => samePosition(term.range.start, finding.range.start));
    card?.findings.push(finding);
    return card !== undefined;
  }

  /** Gives a finding to the most specific item whose path starts the finding's path. */
  attachByPath(path: SpecPath | undefined, finding: PreviewFinding): boolean {
    if (!path || path.length === 0) return false;
    let best: { path: SpecPath; item: Anchored } | undefined;
    for (const anchor of this.anchors) {
      if (anchor.path.length > path.length || (best && anchor.path.length <= best.path.length)) continue;
      if (anchor.path.every((segment, i) => String(segment) === String(path[i]))) best = anchor;
    }
    best?.item.findings.push(finding);
    return best !== undefined;
  }

  private termKey(entry: GlossaryEntry): string {
    const known = this.termKeys.get(entry);
    if (known) return known;
    const base = `term-${
      entry.term
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "x"
    }`;
    const taken = new Set(this.termKeys.values());
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    this.termKeys.set(entry, key);
    return key;
  }

  // Cuts a free-text value at its glossary terms. Offsets are into the source, so this works
  // where the value is written as it reads (plain or quoted on one line); elsewhere (folded
  // or escaped text) the value is shown whole, unmarked, rather than cut in the wrong place.
  private segments(path: SpecPath, text: string): TextSegment[] {
    const { document } = this.source;
    const occurrences = this.source.terms.filter((o) => o.path.length === path.length && o.path.every((s, i) => s === path[i]));
    const node = occurrences.length > 0 && document ? resolvePath(document, path).node : undefined;
    if (!node || !isScalar(node) || !node.range) return [{ text }];
    const written = this.source.text.slice(node.range[0], node.range[1]);
    const base = written === text ? node.range[0] : written.length === text.length + 2 && written.slice(1, -1) === text ? node.range[0] + 1 : undefined;
    if (base === undefined) return [{ text }];
    const segments: TextSegment[] = [];
    let cursor = 0;
    for (const occurrence of occurrences) {
      const start = occurrence.start - base;
      const end = occurrence.end - base;
      if (start < cursor || end > text.length) continue;
      if (start > cursor) segments.push({ text: text.slice(cursor, start) });
      segments.push({ text: text.slice(start, end), term: this.termKey(occurrence.entry) });
      cursor = end;
    }
    if (cursor < text.length) segments.push({ text: text.slice(cursor) });
    return segments;
  }
}

function noticeFor(source: SpecSource, model: PreviewModel, findings: readonly Finding[]): string | undefined {
  const syntax = findings.filter((f) => f.ruleId === "yaml-syntax");
  const first = syntax[0];
  const where = first ? ` (line ${first.range.start.line + 1})` : "";
  switch (source.readability) {
    case "partial": {
      const errors = syntax.length === 1 ? "an error" : `${syntax.length} errors`;
      return `The YAML has ${errors}${where}, so this page shows only what could be read and checks nothing yet. Fix ${syntax.length === 1 ? "it" : "them"} first.`;
    }
    case "none":
      if (source.tooLarge)
        return `This spec is ${source.tooLarge.size}, over the limit of ${source.tooLarge.limit} for specs, so it was not read. Split it, or raise limits.specSize in .jointspec.yaml.`;
      if (first) return `The spec could not be read${where}: ${first.message}`;
      if (source.text.trim() === "" || source.document?.contents == null) {
        return "This spec is empty. Start it with jointspec: 1, then id, title, status and summary.";
      }
      return "A spec is a map of keys such as jointspec, id and title, but this file holds something else at the top.";
    case "complete":
      // A spec with next to nothing in it reads as broken; say where to start.
      return model.missing.length >= EXPECTED_SECTIONS.length - 1
        ? "This spec has hardly anything in it yet: start with a title, a summary and owners on both sides."
        : undefined;
  }
}

function toPreviewFinding(finding: Finding): PreviewFinding {
  return { ruleId: finding.ruleId, severity: finding.severity, message: finding.message, range: finding.range };
}

function valueAt(spec: Data | undefined, path: SpecPath): unknown {
  let value: unknown = spec;
  for (const segment of path) {
    value = typeof segment === "number" ? asList(value)[segment] : asMap(value)?.[segment];
    if (value === undefined) return undefined;
  }
  return value;
}

function enumDescription(path: SpecPath, value: string): string | undefined {
  const schema = schemaAt(path);
  const index = schema?.enum?.indexOf(value) ?? -1;
  return index >= 0 ? schema?.enumDescriptions?.[index] : undefined;
}

function samePosition(a: Range["start"], b: Range["start"]): boolean {
  return a.line === b.line && a.character === b.character;
}

// "in-review" reads "In review"; the one acronym among the enum values keeps its capitals.
function enumWords(value: string): string {
  return value === "pii" ? "PII" : words(value);
}

function words(key: string): string {
  return capitalize(key.replace(/[-_]+/g, " ").trim());
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
