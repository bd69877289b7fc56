// What a person is about to sign, in a few lines: the confirmation VS Code shows before it
// writes a sign-off (the command and the preview's buttons). Built from the preview model,
// so it names things as the page does. Pure and short: a modal dialog is no place for the
// whole spec, only for what a signature commits to (owners, shared KPIs and their targets,
// the security review).

import type { BusinessFunction } from "../../core/types.js";
import { readableDate } from "./build.js";
import type { OwnersSide, PreviewModel } from "./types.js";

/** The dialog's question and its detail lines. */
export interface SignOffSummary {
  message: string;
  detail: string;
}

// Enough for a dialog; the preview has the rest.
const MAX_KPIS = 5;

/** What `name` signs for `side` on `date`: the question and the facts the signature covers. */
export function signOffSummary(model: PreviewModel, side: BusinessFunction, signer: { name: string; date: string }): SignOffSummary {
  const people = (owners: OwnersSide): string => owners.people.filter((p) => p.named && p.name).map((p) => p.name!.text.trim()).join(", ") || "nobody named";
  const shared = model.kpis.items.filter((kpi) => kpi.shared);
  const kpiLines = shared.slice(0, MAX_KPIS).map((kpi) => `  • ${kpi.name?.text ?? kpi.id ?? "A KPI"}: ${kpi.target?.text ?? "no target"}`);
  if (shared.length > MAX_KPIS) kpiLines.push(`  • and ${shared.length - MAX_KPIS} more`);
  const review = model.securityReview;
  const reviewLine = review.present
    ? [review.status?.text ?? "No status", review.reviewer ? `by ${review.reviewer.text}` : undefined, review.date?.text].filter(Boolean).join(", ")
    : "none";
  const lines = [
    `Status: ${model.status?.text ?? "none"}`,
    `Owners: marketing ${people(model.owners.marketing)}; technology ${people(model.owners.technology)}`,
    shared.length > 0 ? "Shared KPIs and targets:" : "Shared KPIs: none",
    ...kpiLines,
    `Security review: ${reviewLine}`,
    "",
    `Signed as ${signer.name}, ${readableDate(signer.date)}. A later change to any of this marks the sign-off stale.`,
  ];
  return { message: `Sign off “${model.heading}” for ${side}?`, detail: lines.join("\n") };
}
