// The readiness checklist: what "ready to approve" means, in the order the page lists it.
// Each line rests on one rule: it fails with that rule's findings, is waived when they are
// suppressed in the spec, is not checked when the rule is off or the spec was not read, and
// otherwise passes, saying what it rests on so the reader can see it is real.

import { docsUrl } from "../../core/rule.js";
import { asMap, asText, handlesPersonalData, listWords, SIGN_OFF_STATUSES, type Data } from "../../core/spec-data.js";
import { FUNCTIONS, type Range, type SeveritySetting, type SpecPath } from "../../core/types.js";
import type { OwnersSide, PreviewApproval, PreviewFinding, PreviewModel, ReadinessCheck, ReadinessRuleId } from "./types.js";

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Each check, with where it points when no finding says where: the section it is about.
const CHECKS: readonly { ruleId: ReadinessRuleId; label: string; path: SpecPath }[] = [
  { ruleId: "owners-both-functions", label: "Named owners on both sides", path: ["owners"] },
  { ruleId: "shared-kpi", label: "A KPI both sides share", path: ["kpis"] },
  { ruleId: "security-review", label: "A security review", path: ["security_review"] },
  { ruleId: "security-review-gate", label: "Security review done before approval", path: ["status"] },
  { ruleId: "joint-sign-off", label: "Joint sign-off", path: ["approvals"] },
  { ruleId: "stale-sign-off", label: "Sign-offs still current", path: ["approvals"] },
];

/** The rule ids behind the readiness checklist, in its order. */
export const READINESS_RULE_IDS: readonly ReadinessRuleId[] = CHECKS.map((check) => check.ruleId);

/** What the checklist is judged from, in the page's terms. */
interface ReadinessFacts {
  /** The model built so far: its readability and the sections a passed check cites. */
  model: PreviewModel;
  spec: Data;
  /** Every finding of the lint. */
  findings: readonly PreviewFinding[];
  /** The findings a jointspec-disable comment silenced, with the reason written beside it. */
  suppressed: readonly { finding: PreviewFinding; reason: string }[];
  /** The severities the lint ran with: a rule that is off leaves its check "not checked". */
  severities: Readonly<Record<string, SeveritySetting | undefined>> | undefined;
  /** Where `path` is in the source. */
  rangeOf(path: SpecPath): Range;
}

/** The readiness checklist of a spec, one line per check, in order. */
export function readinessChecks(facts: ReadinessFacts): ReadinessCheck[] {
  return CHECKS.map((check) => readinessCheck(check, facts));
}

function readinessCheck(
  check: (typeof CHECKS)[number],
  { model, spec, findings: all, suppressed: silenced, severities, rangeOf }: ReadinessFacts,
): ReadinessCheck {
  const findings = all.filter((f) => f.ruleId === check.ruleId);
  const suppressed = silenced.filter((s) => s.finding.ruleId === check.ruleId);
  const base = { ruleId: check.ruleId, label: check.label, docsUrl: docsUrl(check.ruleId), findings, waivers: [] as string[] };
  const range = findings[0]?.range ?? suppressed[0]?.finding.range ?? rangeOf(check.path);

  if (model.readability !== "complete") {
    const why = model.readability === "partial" ? "Not checked until the YAML errors are fixed." : "Not checked: the spec could not be read.";
    return { ...base, range, state: "not-checked", detail: why };
  }
  if (severities?.[check.ruleId] === "off") {
    return { ...base, range, state: "not-checked", detail: `Not checked: this workspace turns the ${check.ruleId} rule off.` };
  }
  if (findings.length > 0) return { ...base, range, state: "failed", detail: "" };
  if (suppressed.length > 0) {
    const waivers = suppressed.map((s) => s.reason).filter((reason) => reason !== "");
    return {
      ...base,
      range,
      waivers,
      findings: suppressed.map((s) => s.finding),
      state: "waived",
      detail: "Waived in the spec by a jointspec-disable comment.",
    };
  }
  // Nothing signed, nothing to be stale: the check waits for the first sign-off.
  if (check.ruleId === "stale-sign-off" && !FUNCTIONS.some((side) => model.approvals[side].signed)) {
    return { ...base, range, state: "not-applicable", detail: "Nobody has signed yet." };
  }
  const status = asText(spec.status);
  const gated = status !== undefined && SIGN_OFF_STATUSES.has(status);
  if ((check.ruleId === "security-review-gate" || check.ruleId === "joint-sign-off") && !gated) {
    const now = model.status ? ` (status: ${model.status.text.toLowerCase()})` : "";
    return { ...base, range, state: "not-applicable", detail: `Not needed yet${now}. It applies once the spec is approved.` };
  }
  return { ...base, range, state: "passed", detail: passedDetail(check.ruleId, model, spec) };
}

// What a passed check rests on, so the reader can see it is real and not just green.
function passedDetail(ruleId: ReadinessRuleId, model: PreviewModel, spec: Data): string {
  const names = (side: OwnersSide): string =>
    listWords(
      side.people.filter((p) => p.named && p.name).map((p) => p.name!.text),
      "and",
    );
  switch (ruleId) {
    case "owners-both-functions":
      return `Marketing: ${names(model.owners.marketing)}. Technology: ${names(model.owners.technology)}.`;
    case "shared-kpi": {
      const shared = model.kpis.items.filter((kpi) => kpi.shared).map((kpi) => kpi.name?.text ?? kpi.id ?? "a KPI");
      return `Shared: ${listWords(shared, "and")}.`;
    }
    case "security-review": {
      const review = model.securityReview;
      return `${review.status?.text ?? ""}; reviewer ${review.reviewer?.text ?? ""}, ${review.date?.text ?? ""}.`;
    }
    case "security-review-gate": {
      const reviewStatus = asText(asMap(spec.security_review)?.status);
      return reviewStatus === "waived"
        ? "The security review was waived, which is enough: the campaign handles no personal data."
        : `The security review is approved${handlesPersonalData(spec) ? ", as it must be for personal data" : ""}.`;
    }
    case "joint-sign-off": {
      const signer = (a: PreviewApproval): string => `${a.name?.text ?? ""}${a.date ? ` (${a.date.text})` : ""}`;
      return `Marketing: ${signer(model.approvals.marketing)}. Technology: ${signer(model.approvals.technology)}.`;
    }
    case "stale-sign-off": {
      const signed = FUNCTIONS.filter((side) => model.approvals[side].signed);
      const unrecorded = signed.filter((side) => model.approvals[side].state === "unrecorded");
      const recorded = signed.filter((side) => model.approvals[side].state === "current");
      const parts = [
        recorded.length > 0 ? `${capitalized(listWords([...recorded], "and"))} signed what the spec says now.` : "",
        unrecorded.length > 0
          ? `${capitalized(listWords([...unrecorded], "and"))} signed by hand, without a record of what was signed: taken at ${unrecorded.length > 1 ? "their" : "its"} word.`
          : "",
      ];
      return parts.filter(Boolean).join(" ");
    }
  }
}
