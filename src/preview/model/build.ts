// The spec as a reader needs it, for the marketers' preview and the HTML report: the facts
// of each section in display order, the readiness checklist, and the glossary terms used.
// Pure: a lint result in, plain data out. Every item knows where it sits in the source, so
// a click can reveal it, and carries the findings about it, so the page can say what to fix.
//
// Each finding has one home on the page, so nothing is said twice: the checklist's rules
// go to their checklist item, ambiguous terms to their term card, everything else to the
// most specific item whose path starts its path, and what no item claims to `problems`.

import { isMap, isScalar, type Document } from "yaml";
import type { GlossaryEntry, GlossaryMeaning } from "../../core/glossary/glossary.js";
import { findTermOccurrences, readPins, type TermOccurrence, type TermPin } from "../../core/glossary/terms.js";
import type { SpecAnalysis } from "../../core/lint.js";
import { offsetsForPath, resolvePath } from "../../core/paths.js";
import { docsUrl } from "../../core/rule.js";
import { schemaAt } from "../../core/schema/spec-schema.js";
import { asList, asMap, asText, handlesPersonalData, isNamed, kpiOwners, listWords, SIGN_OFF_STATUSES, type Data } from "../../core/spec-data.js";
import type { SuppressedFinding } from "../../core/suppressions.js";
import type { LineIndex } from "../../core/text.js";
import { FUNCTIONS, type BusinessFunction, type Finding, type Range, type Severity, type SeveritySetting, type SpecPath } from "../../core/types.js";

/** A finding as the page shows it. */
export interface PreviewFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
}

/** Anything the page shows that has a place in the source. */
export interface Anchored {
  /** Where the node is (0-based lines and characters); where it would go when it is missing. */
  range: Range;
  findings: PreviewFinding[];
}

/** A run of a text value; `term` names the glossary term it is (its card's `key`). */
export interface TextSegment {
  text: string;
  term?: string;
}

/** One value, ready to show. */
export interface PreviewField extends Anchored {
  /** The value as written in the spec. */
  value: string;
  /** The value as the page shows it: dates in words ("15 Jan 2027"), enum values in words ("In review"). */
  text: string;
  /** The text cut at glossary terms, when they could be located in it. */
  segments: TextSegment[];
  /** Plain words for an enum value, from the schema (e.g. what "waived" means). */
  description?: string;
}

export type CheckState = "passed" | "failed" | "waived" | "not-applicable" | "not-checked";

export type CheckId = "owners" | "shared-kpi" | "security-review" | "review-gate" | "sign-off";

/** One line of the readiness checklist. */
export interface ReadinessCheck extends Anchored {
  id: CheckId;
  label: string;
  ruleId: string;
  state: CheckState;
  /** Plain words on why it passed, or why it does not apply or was not checked. */
  detail: string;
  /** For a waived check: the reasons written beside the suppression comments. */
  waivers: string[];
  docsUrl: string;
}

export interface PreviewPerson extends Anchored {
  name: PreviewField | undefined;
  /** False for a placeholder such as "TBD": the page shows that nobody is named yet. */
  named: boolean;
  role: PreviewField | undefined;
  email: PreviewField | undefined;
  team: PreviewField | undefined;
}

export interface OwnersSide extends Anchored {
  side: BusinessFunction;
  present: boolean;
  people: PreviewPerson[];
}

export interface PreviewKpi extends Anchored {
  id: string | undefined;
  name: PreviewField | undefined;
  definition: PreviewField | undefined;
  target: PreviewField | undefined;
  baseline: PreviewField | undefined;
  source: PreviewField | undefined;
  cadence: PreviewField | undefined;
  owners: BusinessFunction[];
  /** Owned by both functions. */
  shared: boolean;
}

export interface SecurityReviewCard extends Anchored {
  present: boolean;
  status: PreviewField | undefined;
  reviewer: PreviewField | undefined;
  reviewerNamed: boolean;
  date: PreviewField | undefined;
  classification: PreviewField | undefined;
  notes: PreviewField | undefined;
}

export interface PreviewDataItem extends Anchored {
  name: PreviewField | undefined;
  classification: PreviewField | undefined;
  systems: PreviewField[];
}

export interface Milestone extends Anchored {
  /** The key in words: "go-live" reads "Go live". */
  label: string;
  date: PreviewField;
}

export interface PreviewApproval extends Anchored {
  side: BusinessFunction;
  present: boolean;
  signed: boolean;
  name: PreviewField | undefined;
  date: PreviewField | undefined;
}

export interface PreviewLink extends Anchored {
  title: PreviewField | undefined;
  /** As written; the renderer decides whether it may become a link. */
  url: string;
}

/** A glossary term found in the spec's free text. */
export interface PreviewTerm extends Anchored {
  /** Unique on the page, for links from the text to the card. */
  key: string;
  term: string;
  kind: "ambiguous" | "jargon";
  marketing: GlossaryMeaning | undefined;
  technology: GlossaryMeaning | undefined;
  example: string;
  /** "bundled", or the workspace glossary file it comes from. */
  origin: string;
  source: string | undefined;
  /** The meaning this spec pins under glossary:, and which side's it is when it is one. */
  pinned: { value: string; side: BusinessFunction | undefined } | undefined;
  /** For jargon: the function whose vocabulary it belongs to. */
  jargonSide: BusinessFunction | undefined;
  /** How often the spec uses it. */
  uses: number;
}

/** A section of the page: present in the spec or not, with its items. */
export interface PreviewSection<T> extends Anchored {
  present: boolean;
  items: T[];
}

export type Readability =
  /** Parsed cleanly: everything is shown and checked. */
  | "complete"
  /** The YAML has errors: what could be read is shown, nothing is checked. */
  | "partial"
  /** Nothing could be read (empty, not a map, not text). */
  | "none";

export interface PreviewModel {
  fileName: string | undefined;
  readability: Readability;
  /** What the reader must know first, in plain words, when the spec is broken or empty. */
  notice: string | undefined;
  /** Sections a spec is expected to have that this one lacks, in words ("KPIs"). */
  missing: string[];
  /** The title, else the id, else the file name: what the page is called. */
  heading: string;
  title: PreviewField | undefined;
  id: PreviewField | undefined;
  status: PreviewField | undefined;
  summary: PreviewField | undefined;
  readiness: ReadinessCheck[];
  owners: Anchored & { present: boolean; marketing: OwnersSide; technology: OwnersSide };
  kpis: PreviewSection<PreviewKpi>;
  securityReview: SecurityReviewCard;
  data: PreviewSection<PreviewDataItem>;
  systems: PreviewSection<PreviewField>;
  timeline: PreviewSection<Milestone>;
  approvals: Anchored & { present: boolean; marketing: PreviewApproval; technology: PreviewApproval };
  links: PreviewSection<PreviewLink>;
  terms: PreviewTerm[];
  /** Findings no item on the page claims (syntax errors, unknown keys, a missing title…). */
  problems: PreviewFinding[];
  counts: Record<Severity, number>;
}

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

// The readiness checklist: what "ready to approve" means, each backed by one rule.
const CHECKS: readonly { id: CheckId; label: string; ruleId: string; path: SpecPath }[] = [
  { id: "owners", label: "Named owners on both sides", ruleId: "owners-both-functions", path: ["owners"] },
  { id: "shared-kpi", label: "A KPI both sides share", ruleId: "shared-kpi", path: ["kpis"] },
  { id: "security-review", label: "A security review", ruleId: "security-review", path: ["security_review"] },
  { id: "review-gate", label: "Security review done before approval", ruleId: "security-review-gate", path: ["status"] },
  { id: "sign-off", label: "Joint sign-off", ruleId: "joint-sign-off", path: ["approvals"] },
];

/** The rule ids behind the readiness checklist, in its order. */
export const READINESS_RULE_IDS: readonly string[] = CHECKS.map((check) => check.ruleId);

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
        named: isNamed(name?.text),
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
    reviewerNamed: isNamed(review?.reviewer),
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
  const approval = (side: BusinessFunction): PreviewApproval => {
    const name = builder.field(["approvals", side, "name"]);
    return {
      ...at(["approvals", side]),
      side,
      present: approvalsMap !== undefined && side in approvalsMap,
      signed: isNamed(name?.text),
      name,
      date: builder.field(["approvals", side, "date"], { date: true }),
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

  model.readiness = CHECKS.map((check) => readinessCheck(check, model, spec, input, options, builder));
  const claimed = new Set(READINESS_RULE_IDS);
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
}

// A spec with YAML errors is still shown as far as it can be read: a person typing in the
// editor sees the page keep its shape, with a notice, instead of a blank.
function readSource(analysis: SpecAnalysis | undefined): SpecSource {
  if (!analysis) return { readability: "none", spec: undefined, document: undefined, lines: undefined, text: "", terms: [], pins: new Map() };
  const { parsed } = analysis;
  const base = { document: parsed.document, lines: parsed.lines, text: parsed.text };
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
    const base = `term-${entry.term.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "x"}`;
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

function readinessCheck(
  check: (typeof CHECKS)[number],
  model: PreviewModel,
  spec: Data,
  input: PreviewInput,
  options: PreviewOptions,
  builder: ModelBuilder,
): ReadinessCheck {
  const findings = input.findings.filter((f) => f.ruleId === check.ruleId).map(toPreviewFinding);
  const suppressed = (input.suppressed ?? []).filter((s) => s.finding.ruleId === check.ruleId);
  const base = { id: check.id, label: check.label, ruleId: check.ruleId, docsUrl: docsUrl(check.ruleId), findings, waivers: [] as string[] };
  const range = findings[0]?.range ?? suppressed[0]?.finding.range ?? builder.range(check.path);

  if (model.readability !== "complete") {
    const why = model.readability === "partial" ? "Not checked until the YAML errors are fixed." : "Not checked: the spec could not be read.";
    return { ...base, range, state: "not-checked", detail: why };
  }
  if (options.severities?.[check.ruleId] === "off") {
    return { ...base, range, state: "not-checked", detail: `Not checked: this workspace turns the ${check.ruleId} rule off.` };
  }
  if (findings.length > 0) return { ...base, range, state: "failed", detail: "" };
  if (suppressed.length > 0) {
    const waivers = suppressed.map((s) => s.directive.reason).filter((reason) => reason !== "");
    return { ...base, range, waivers, findings: suppressed.map((s) => toPreviewFinding(s.finding)), state: "waived", detail: "Waived in the spec by a jointspec-disable comment." };
  }
  const status = asText(spec.status);
  const gated = status !== undefined && SIGN_OFF_STATUSES.has(status);
  if ((check.id === "review-gate" || check.id === "sign-off") && !gated) {
    const now = model.status ? ` (status: ${model.status.text.toLowerCase()})` : "";
    return { ...base, range, state: "not-applicable", detail: `Not needed yet${now}. It applies once the spec is approved.` };
  }
  return { ...base, range, state: "passed", detail: passedDetail(check.id, model, spec) };
}

// What a passed check rests on, so the reader can see it is real and not just green.
function passedDetail(id: CheckId, model: PreviewModel, spec: Data): string {
  const names = (side: OwnersSide): string => listWords(side.people.filter((p) => p.named && p.name).map((p) => p.name!.text), "and");
  switch (id) {
    case "owners":
      return `Marketing: ${names(model.owners.marketing)}. Technology: ${names(model.owners.technology)}.`;
    case "shared-kpi": {
      const shared = model.kpis.items.filter((kpi) => kpi.shared).map((kpi) => kpi.name?.text ?? kpi.id ?? "a KPI");
      return `Shared: ${listWords(shared, "and")}.`;
    }
    case "security-review": {
      const review = model.securityReview;
      return `${review.status?.text ?? ""}; reviewer ${review.reviewer?.text ?? ""}, ${review.date?.text ?? ""}.`;
    }
    case "review-gate": {
      const reviewStatus = asText(asMap(spec.security_review)?.status);
      return reviewStatus === "waived"
        ? "The security review was waived, which is enough: the campaign handles no personal data."
        : `The security review is approved${handlesPersonalData(spec) ? ", as it must be for personal data" : ""}.`;
    }
    case "sign-off": {
      const signer = (a: PreviewApproval): string => `${a.name?.text ?? ""}${a.date ? ` (${a.date.text})` : ""}`;
      return `Marketing: ${signer(model.approvals.marketing)}. Technology: ${signer(model.approvals.technology)}.`;
    }
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
      if (first) return `The spec could not be read${where}: ${first.message}`;
      if (source.text.trim() === "" || source.document?.contents == null) {
        return "This spec is empty. Start it with jointspec: 1, then id, title, status and summary.";
      }
      return "A spec is a map of keys such as jointspec, id and title, but this file holds something else at the top.";
    case "complete":
      // A spec with next to nothing in it reads as broken; say where to start.
      return model.missing.length >= EXPECTED_SECTIONS.length - 1 ? "This spec has hardly anything in it yet: start with a title, a summary and owners on both sides." : undefined;
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
