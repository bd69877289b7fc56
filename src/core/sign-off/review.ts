// Where each function's sign-off stands (missing, current, stale, or written by hand without a
// record), and whether a spec is ready to be signed. The preview, the editor's commands, the
// CLI and the stale-sign-off rule all ask these questions here, so they answer them alike.

import type { Finding } from "../types.js";
import { asList, asMap, asText, handlesPersonalData, notAPerson, ownedByBoth, type Data } from "../spec-data.js";
import { FUNCTIONS, type BusinessFunction } from "../types.js";
import { compareRecord, SpecDigests } from "./record.js";

/** The functions that sign a spec off. */
export type SigningFunction = BusinessFunction;

/**
 * - `missing`: no sign-off, or one whose name is no person's ("TBD", "marketing ops");
 * - `current`: signed, and nothing material has changed since;
 * - `stale`: signed, and something material has changed since (or the record cannot be read);
 * - `unrecorded`: signed by hand, with a name and a date but no record of what was signed, so
 *   nobody can tell whether it still holds.
 */
export type SignOffState = "missing" | "current" | "stale" | "unrecorded";

export interface SignOffReview {
  function: SigningFunction;
  state: SignOffState;
  /** The name and date as written, when there are any (a missing sign-off may hold a placeholder). */
  name?: string;
  date?: string;
  /** For a stale sign-off: what changed since, in words ("the target of KPI reactivation-rate"). */
  changes: string[];
  /** For a stale sign-off whose record cannot be read: why ("it is a v2 record…"). */
  unreadable?: string;
}

/** Where each function's sign-off stands, for the spec's parsed data (undefined: not readable). */
export function reviewState(spec: Data | undefined): Record<SigningFunction, SignOffReview> {
  const approvals = asMap(spec?.approvals);
  // Both functions' records are compared with one set of digests, computed when first needed.
  let digests: SpecDigests | undefined;
  const review = (fn: SigningFunction): SignOffReview => {
    const entry = asMap(approvals?.[fn]);
    const name = asText(entry?.name);
    const date = asText(entry?.date);
    const written = { function: fn, ...(name !== undefined ? { name } : {}), ...(date !== undefined ? { date } : {}), changes: [] };
    if (!spec || !entry || notAPerson(name) !== undefined) return { ...written, state: "missing" };
    const record = asText(entry.record);
    if (record === undefined || record.trim() === "") return { ...written, state: "unrecorded" };
    const comparison = compareRecord(record, (digests ??= new SpecDigests(spec)));
    switch (comparison.verdict) {
      case "current":
        return { ...written, state: "current" };
      case "changed":
        return { ...written, state: "stale", changes: comparison.changes };
      case "unreadable":
        return { ...written, state: "stale", changes: ["the record of what was signed, which JointSpec cannot read"], unreadable: comparison.reason };
    }
  };
  return { marketing: review("marketing"), technology: review("technology") };
}

// The rules about sign-off itself: their findings are what signing resolves, not reasons to wait.
const SIGN_OFF_RULES = new Set(["joint-sign-off", "stale-sign-off"]);

/** What readyToSign reads: a lint result (the preview's input has this shape too). */
export interface ReadinessInput {
  findings: readonly Pick<Finding, "ruleId" | "severity" | "message" | "range">[];
  analysis: { spec: Data | undefined } | undefined;
}

export interface SignOffReadiness {
  ready: boolean;
  /** Why not, one sentence each, in the order to fix them; empty when ready. */
  reasons: string[];
}

/**
 * Whether the spec is ready for a function to sign it off. The bar is the same for both
 * functions, since both sign the same agreement, and it does not bend to a workspace's rule
 * severities: a spec is ready when it is one readable YAML map with no error-severity finding
 * (sign-off findings aside), names a person as owner on both sides, has a KPI both functions
 * own, and has a security review that is approved, or waived when the campaign handles no
 * personal data. Whether the function has already signed is reviewState's question: the
 * preview offers "Sign again" for a stale sign-off and nothing for a current one.
 */
export function readyToSign(input: ReadinessInput): SignOffReadiness {
  const spec = input.analysis?.spec;
  if (!spec) return { ready: false, reasons: ["The spec cannot be read as one YAML map; fix the YAML errors first."] };
  const reasons: string[] = [];

  const errors = input.findings.filter((finding) => finding.severity === "error" && !SIGN_OFF_RULES.has(finding.ruleId));
  if (errors.length > 0) {
    const first = errors[0]!;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? "s" : ""})` : "";
    reasons.push(`Fix the errors first: line ${first.range.start.line + 1}: ${first.message}${more}`);
  }

  const owners = asMap(spec.owners);
  for (const side of FUNCTIONS) {
    const named = asList(owners?.[side]).some((person) => notAPerson(asMap(person)?.name ?? person) === undefined);
    if (!named) reasons.push(`No person is named under owners.${side}.`);
  }

  if (!asList(spec.kpis).some((kpi) => ownedByBoth(asMap(kpi) ?? {}))) reasons.push("No KPI is owned by both marketing and technology.");

  const reviewStatus = asText(asMap(spec.security_review)?.status);
  if (reviewStatus !== "approved") {
    const personal = handlesPersonalData(spec);
    if (reviewStatus !== "waived" || personal) {
      const now = reviewStatus === undefined ? "missing" : `"${reviewStatus}"`;
      reasons.push(
        reviewStatus === "waived"
          ? "The security review is waived, but the campaign handles personal data (pii): it must be approved."
          : `The security review is ${now}; it must be approved${personal ? "" : " (or waived, as the campaign handles no personal data)"}.`,
      );
    }
  }
  return { ready: reasons.length === 0, reasons };
}

/** One line of what a sign-off covers, for a person about to sign (the CLI's output, the editor's confirmation). */
export interface SignOffSummaryLine {
  label: string;
  text: string;
}

/**
 * What signing the spec commits to, in a few lines: the title and status for orientation,
 * then the material parts the record covers (owners, KPIs with their targets, the security
 * review, data, systems, timeline). Parts the spec leaves out are left out.
 */
export function signOffSummary(spec: Data): SignOffSummaryLine[] {
  const lines: SignOffSummaryLine[] = [];
  const add = (label: string, text: string | undefined): void => {
    if (text !== undefined && text.trim() !== "") lines.push({ label, text: text.replace(/\s+/g, " ").trim() });
  };
  add("Title", asText(spec.title) ?? asText(spec.id));
  add("Status", asText(spec.status));
  const owners = asMap(spec.owners);
  for (const side of FUNCTIONS) {
    const names = asList(owners?.[side]).flatMap((person) => asText(asMap(person)?.name ?? person) ?? []);
    add(`${side === "marketing" ? "Marketing" : "Technology"} owners`, names.join(", "));
  }
  const kpis = asList(spec.kpis).flatMap((item) => {
    const kpi = asMap(item);
    if (!kpi) return [];
    const target = asText(kpi.target);
    const shared = ownedByBoth(kpi) ? ", shared" : "";
    return [`${asText(kpi.id) ?? asText(kpi.name) ?? "a KPI"} (${target !== undefined ? `target ${target}` : "no target"}${shared})`];
  });
  add("KPIs", kpis.join("; "));
  const review = asMap(spec.security_review);
  if (review) {
    const reviewer = asText(review.reviewer);
    const date = asText(review.date);
    add(
      "Security review",
      [asText(review.status) ?? "no status", reviewer ? `by ${reviewer}` : undefined, date ? `on ${date}` : undefined].filter(Boolean).join(" "),
    );
  }
  add(
    "Data",
    asList(spec.data)
      .flatMap((item) => {
        const entry = asMap(item);
        const name = asText(entry?.name);
        if (!name) return [];
        const classification = asText(entry?.classification);
        return [classification ? `${name} (${classification})` : name];
      })
      .join(", "),
  );
  add(
    "Systems",
    asList(spec.systems)
      .flatMap((system) => asText(system) ?? [])
      .join(", "),
  );
  const timeline = asMap(spec.timeline);
  add(
    "Timeline",
    Object.entries(timeline ?? {})
      .flatMap(([milestone, date]) => (asText(date) ? [`${milestone} ${asText(date)}`] : []))
      .join(", "),
  );
  return lines;
}
