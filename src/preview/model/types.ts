// The preview model's shape: the spec as a reader needs it, for the marketers' preview and
// the HTML report. Plain data: every item knows where it sits in the source, so a click can
// reveal it, and carries the findings about it, so the page can say what to fix. Built by
// build.ts; the readiness checklist's lines are judged in readiness.ts.

import type { GlossaryMeaning } from "../../core/glossary/glossary.js";
import type { BusinessFunction, Range, Severity } from "../../core/types.js";

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

/** The rules the readiness checklist rests on: each check is one rule's verdict, named by its id. */
export type ReadinessRuleId = "owners-both-functions" | "shared-kpi" | "security-review" | "security-review-gate" | "joint-sign-off" | "stale-sign-off";

/** One line of the readiness checklist. */
export interface ReadinessCheck extends Anchored {
  /** The rule the check rests on; also the check's name on the page (its data-check attribute). */
  ruleId: ReadinessRuleId;
  label: string;
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
  /** What the KPI measures (customer, business, operations, cost, risk). */
  focus: PreviewField | undefined;
  /** For a customer focus: which customer, external or internal. */
  customer: PreviewField | undefined;
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

/**
 * A sign-off against the spec as it is now (the core's review state): none yet; current (its
 * record of what was signed matches); stale (something material changed since); or
 * unrecorded (written by hand, without a record, so nobody can tell).
 */
export type SignOffState = "missing" | "current" | "stale" | "unrecorded";

export interface PreviewApproval extends Anchored {
  side: BusinessFunction;
  present: boolean;
  signed: boolean;
  name: PreviewField | undefined;
  date: PreviewField | undefined;
  state: SignOffState;
  /** For a stale sign-off: what changed since it was signed, in words ("the target of KPI reactivation-rate"). */
  changes: string[];
  /** Whether this function may sign (again) now: the panel then offers the button. */
  canSign: boolean;
  /** Why it may not sign yet, in words; empty when it may. */
  notReady: string[];
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
