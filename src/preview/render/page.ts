// The preview as HTML: one renderer for the VS Code panel and for `--format html`, the
// one-page report for people without VS Code. Pure string building, no DOM and no vscode.
//
// Everything taken from a spec is data written by someone else: it is escaped for where it
// goes (text or a double-quoted attribute), and a URL becomes a link only when its scheme
// is http, https or mailto; anything else is shown as inert text. No markup is ever built
// from data, no event-handler attribute is ever written, no JSON sits in a script tag, and
// no style attribute is used (the pages' CSP allows only the one nonce-tagged style sheet).

import type { BusinessFunction, Range } from "../../core/types.js";
import type { Anchored, CheckState, OwnersSide, PreviewApproval, PreviewField, PreviewFinding, PreviewKpi, PreviewModel, PreviewTerm, ReadinessCheck } from "../model/types.js";
import type { Lens } from "../webview/messages.js";
import previewAssets from "./generated/preview-assets.json";

/** The page's CSS and script, built from media/preview.css and src/preview/webview/main.ts. */
export const PREVIEW_ASSETS: { css: string; script: string; cssHash: string; scriptHash: string } = previewAssets;

const SIDES: readonly BusinessFunction[] = ["marketing", "technology"];
const SIDE_NAMES: Record<BusinessFunction, string> = { marketing: "Marketing", technology: "Technology" };
const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/** Escapes text for HTML text content and for double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The href a spec's URL may become: only absolute http, https and mailto URLs, normalized; otherwise undefined. */
export function safeHref(url: string): string | undefined {
  // Browsers ignore tabs and line breaks inside URLs ("java\tscript:"), so any control or
  // space character makes the URL suspect; real links never need one unencoded.
  if (url === "" || /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!SAFE_SCHEMES.has(parsed.protocol)) return undefined;
  if (parsed.protocol !== "mailto:" && !/^https?:\/\//i.test(url)) return undefined;
  return parsed.href;
}

/** One spec's preview: the fragment the panel shows and the report repeats per spec. */
export function renderPreviewArticle(model: PreviewModel, options: { anchorId?: string } = {}): string {
  // A spec that could not be read at all has no sections to show: only what is wrong.
  const sections =
    model.readability === "none"
      ? []
      : [
          owners(model),
          kpis(model),
          `<div class="pair">${securityReview(model)}${timelineAndSignOff(model)}</div>`,
          dataAndSystems(model),
          links(model),
          terms(model),
        ];
  const parts = [header(model), notice(model), model.readability === "none" ? "" : readiness(model), problems(model), ...sections];
  if (!options.anchorId) return `<article class="spec">${parts.join("")}</article>`;
  // Several specs on one page: their term cards' ids (and the links to them) get the spec's
  // prefix. Data cannot produce these exact attribute texts, since quotes in data are escaped.
  const prefix = escapeHtml(options.anchorId);
  const body = parts.join("").replaceAll(' id="term-', ` id="${prefix}-term-`).replaceAll(' href="#term-', ` href="#${prefix}-term-`);
  return `<article class="spec" id="${prefix}">${body}</article>`;
}

/** A short message in place of a preview, such as "this file is not a spec". */
export function renderPreviewMessage(title: string, text: string, anchorId?: string): string {
  const id = anchorId ? ` id="${escapeHtml(anchorId)}"` : "";
  return `<article class="spec"${id}><header class="spec-header"><h1>${escapeHtml(title)}</h1></header><div class="notice" role="status"><p>${escapeHtml(text)}</p></div></article>`;
}

export interface WebviewPageOptions {
  /** The fragment to show, from renderPreviewArticle or renderPreviewMessage. */
  body: string;
  /** webview.cspSource: where the panel may load the style sheet from. */
  cspSource: string;
  /** Fresh for every page: only the page's own style sheet and script carry it. */
  nonce: string;
  styleUri: string;
  scriptUri: string;
  lens: Lens;
  /** The spec's URI, kept in the webview state to restore the panel after a reload. */
  documentUri: string;
  title: string;
}

/** The panel's page: the preview with the page's style sheet and script loaded from the extension. */
export function renderWebviewPage(options: WebviewPageOptions): string {
  const nonce = escapeHtml(options.nonce);
  const csp = [
    "default-src 'none'",
    `style-src ${options.cspSource} 'nonce-${options.nonce}'`,
    `script-src 'nonce-${options.nonce}'`,
    `img-src ${options.cspSource} data:`,
    `font-src ${options.cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return `<!DOCTYPE html>
<html lang="en" data-lens="${escapeHtml(options.lens)}" data-document-uri="${escapeHtml(options.documentUri)}">
<head>
<meta charset="utf-8">
${cspMeta(csp)}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(options.styleUri)}">
<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}" defer></script>
</head>
<body class="in-panel">
${toolbar(options.lens)}
<main id="preview-root">${options.body}</main>
</body>
</html>
`;
}

export interface ReportEntry {
  /** The file's path as the CLI shows it. */
  path: string;
  /** Undefined when the host computed none: the entry then says so. */
  model: PreviewModel | undefined;
}

export interface ReportOptions {
  /** Fresh per report, from the host. Without one the inline style and script are still admitted by their hashes. */
  nonce?: string;
  toolVersion: string;
}

/** The standalone report: every spec of a run on one page, with a table of contents; nothing loaded from elsewhere. */
export function renderReportPage(entries: readonly ReportEntry[], options: ReportOptions): string {
  // The CSP admits the page's own inline style and script by hash (fixed at build time) and by nonce.
  const nonce = options.nonce ? ` nonce="${escapeHtml(options.nonce)}"` : "";
  const allow = (hash: string): string => `'${hash}'${options.nonce ? ` 'nonce-${options.nonce}'` : ""}`;
  const csp = `default-src 'none'; style-src ${allow(PREVIEW_ASSETS.cssHash)}; script-src ${allow(PREVIEW_ASSETS.scriptHash)}; img-src data:; base-uri 'none'; form-action 'none'`;
  const articles = entries
    .map(({ path, model }, index) =>
      model ? renderPreviewArticle(model, { anchorId: `spec-${index + 1}` }) : renderPreviewMessage(path, "No preview was made for this file.", `spec-${index + 1}`),
    )
    .join("\n");
  const only = entries.length === 1 ? entries[0] : undefined;
  const heading = only ? (only.model?.heading ?? only.path) : `${entries.length} campaign specs`;
  return `<!DOCTYPE html>
<html lang="en" data-lens="marketing">
<head>
<meta charset="utf-8">
${cspMeta(csp)}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="JointSpec ${escapeHtml(options.toolVersion)}">
<title>${escapeHtml(heading)} · JointSpec report</title>
<style${nonce}>${PREVIEW_ASSETS.css}</style>
</head>
<body class="in-report">
${toolbar("marketing", `JointSpec report · ${entries.length === 1 ? "1 spec" : `${entries.length} specs`}`)}
<main>
${entries.length > 1 ? tableOfContents(entries) : ""}
${articles}
<footer class="report-footer">Made by JointSpec ${escapeHtml(options.toolVersion)} from the specs' YAML. To edit a spec, open it in VS Code with the JointSpec extension.</footer>
</main>
<script${nonce}>${PREVIEW_ASSETS.script}</script>
</body>
</html>
`;
}

// ---- page parts -------------------------------------------------------------------------

// The policy reads as written: its single quotes need no escaping inside a double-quoted attribute.
function cspMeta(csp: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp).replaceAll("&#39;", "'")}">`;
}

function toolbar(current: Lens, caption = "JointSpec preview"): string {
  const button = (lens: Lens): string =>
    `<button type="button" data-lens-choice="${lens}" aria-pressed="${lens === current}">${SIDE_NAMES[lens]}</button>`;
  return `<header class="toolbar"><span class="toolbar-caption">${escapeHtml(caption)}</span><div class="lens" role="group" aria-label="Explain terms for"><span class="lens-label">Read as</span>${SIDES.map(button).join("")}</div></header>`;
}

function tableOfContents(entries: readonly ReportEntry[]): string {
  const rows = entries.map(({ path, model }, index) => {
    const anchor = `<a href="#spec-${index + 1}">${escapeHtml(model?.heading ?? path)}</a><div class="toc-path">${escapeHtml(path)}</div>`;
    if (!model) return `<tr><td>${anchor}</td><td></td><td></td><td></td></tr>`;
    const { tone, verdict } = readinessVerdict(model);
    const status = model.status ? pill(model.status, "status") : `<span class="muted">No status</span>`;
    const others = otherFindingCounts(model);
    return `<tr><td>${anchor}</td><td>${status}</td><td><span class="toc-state toc-state--${tone}">${escapeHtml(verdict)}</span></td><td class="toc-notes${/must fix/.test(others) ? " toc-notes--must" : ""}">${others ? escapeHtml(others) : `<span class="muted">None</span>`}</td></tr>`;
  });
  return `<nav class="card toc" aria-label="Specs in this report"><h2>Specs in this report</h2><table><thead><tr><th>Spec</th><th>Status</th><th>Readiness</th><th>Other notes</th></tr></thead><tbody>${rows.join("")}</tbody></table></nav>`;
}

// Findings beyond the checklist's, counted for the table of contents: "1 must fix, 2 notes".
function otherFindingCounts(model: PreviewModel): string {
  const inChecklist = model.readiness.reduce((n, c) => n + (c.state === "failed" ? c.findings.length : 0), 0);
  const total = model.counts.error + model.counts.warning + model.counts.info - inChecklist;
  if (total <= 0) return "";
  const checklistErrors = model.readiness.reduce((n, c) => n + (c.state === "failed" ? c.findings.filter((f) => f.severity === "error").length : 0), 0);
  const errors = model.counts.error - checklistErrors;
  const rest = total - errors;
  return [errors > 0 ? `${errors} must fix` : "", rest > 0 ? `${rest} to look at` : ""].filter(Boolean).join(", ");
}

function header(model: PreviewModel): string {
  const eyebrow = [model.fileName ? escapeHtml(model.fileName) : "", model.id ? `<span${rangeAttr(model.id)}>${escapeHtml(model.id.text)}</span>` : ""]
    .filter(Boolean)
    .join(" · ");
  const title = model.title
    ? `<h1${rangeAttr(model.title)}>${segments(model.title)}</h1>`
    : `<h1 class="is-missing">${escapeHtml(model.heading)}</h1>`;
  const status = model.status
    ? `<div class="status-line"${rangeAttr(model.status)}>${pill(model.status, "status")}${model.status.description ? `<span class="status-description">${escapeHtml(model.status.description)}</span>` : ""}${findingList(model.status.findings)}</div>`
    : "";
  const summary = model.summary
    ? `<p class="summary"${rangeAttr(model.summary)}>${segments(model.summary)}</p>${findingList(model.summary.findings)}`
    : "";
  return `<header class="spec-header">${eyebrow ? `<p class="eyebrow">${eyebrow}</p>` : ""}${title}${findingList(model.title?.findings ?? [])}${status}${summary}${termsCallout(model)}</header>`;
}

// Words the two sides read differently, unpinned, are the likeliest misunderstanding: say so at the top.
function termsCallout(model: PreviewModel): string {
  const open = model.terms.filter((term) => term.kind === "ambiguous" && !term.pinned && term.findings.length > 0);
  if (open.length === 0) return "";
  const names = open.map((term) => `<strong>${escapeHtml(term.term)}</strong>`).join(", ");
  return `<p class="terms-callout"><span class="terms-callout-mark" aria-hidden="true">⚑</span> <span>Read differently by marketing and technology, and this spec does not say which meaning it uses: ${names}. <a href="#${escapeHtml(open[0]!.key)}">See both meanings</a></span></p>`;
}

function notice(model: PreviewModel): string {
  const missing = model.missing.length > 0 ? `<p class="missing">Not in the spec yet: ${escapeHtml(model.missing.join(", "))}.</p>` : "";
  if (!model.notice) return missing ? `<div class="notice notice--quiet">${missing}</div>` : "";
  return `<div class="notice" role="status"><p>${escapeHtml(model.notice)}</p>${missing}</div>`;
}

const CHECK_ICONS: Record<CheckState, string> = { passed: "✓", failed: "✗", waived: "!", "not-applicable": "–", "not-checked": "?" };
const CHECK_WORDS: Record<CheckState, string> = { passed: "Passed", failed: "To fix", waived: "Waived", "not-applicable": "Later", "not-checked": "Not checked" };

// The checklist's verdict in a few words, and its tone.
function readinessVerdict(model: PreviewModel): { tone: "passed" | "failed" | "unknown"; verdict: string } {
  const count = (state: CheckState): number => model.readiness.filter((c) => c.state === state).length;
  const failed = count("failed");
  if (model.readability !== "complete" || model.readiness.length === 0) return { tone: "unknown", verdict: "Not checked yet" };
  if (failed > 0) return { tone: "failed", verdict: `${failed} ${failed === 1 ? "thing" : "things"} to fix` };
  if (count("waived") > 0) return { tone: "passed", verdict: "Ready, with waivers" };
  return { tone: "passed", verdict: count("not-applicable") > 0 ? "Ready so far" : "Ready" };
}

function readiness(model: PreviewModel): string {
  const count = (state: CheckState): number => model.readiness.filter((c) => c.state === state).length;
  const [passed, later] = [count("passed"), count("not-applicable")];
  const { tone, verdict } = readinessVerdict(model);
  const tally = `${passed} of ${model.readiness.length} checks pass${later > 0 ? `; ${later} apply once the spec is approved` : ""}`;
  return `<section class="card readiness"><div class="card-head"><h2>Ready to approve?</h2><span class="verdict verdict--${tone}">${escapeHtml(verdict)}</span></div><p class="card-intro">${escapeHtml(tally)}.</p><ul class="checklist">${model.readiness.map(check).join("")}</ul></section>`;
}

function check(item: ReadinessCheck): string {
  const detail = item.detail ? `<p class="check-detail">${escapeHtml(item.detail)}</p>` : "";
  const waivers = item.waivers.map((reason) => `<p class="check-detail">Reason given: ${escapeHtml(reason)}</p>`).join("");
  const messages = item.state === "failed" ? `<ul class="check-messages">${item.findings.map((f) => `<li${rangeAttr(f)}>${escapeHtml(f.message)}</li>`).join("")}</ul>` : "";
  // The rule's page explains why, in both functions' words: worth a click when something is wrong.
  const more = item.state === "failed" || item.state === "waived" ? safeHref(item.docsUrl) : undefined;
  const why = more ? ` <a class="why" href="${escapeHtml(more)}" target="_blank" rel="noopener noreferrer">Why it matters</a>` : "";
  return `<li class="check check--${item.state}" data-check="${item.ruleId}"${rangeAttr(item)}><span class="check-icon" aria-hidden="true">${CHECK_ICONS[item.state]}</span><div class="check-body"><p class="check-title"><strong>${escapeHtml(item.label)}</strong><span class="check-state">${CHECK_WORDS[item.state]}</span>${why}</p>${detail}${waivers}${messages}</div></li>`;
}

function problems(model: PreviewModel): string {
  if (model.problems.length === 0) return "";
  return `<section class="card problems"><h2>Also to fix</h2><p class="card-intro">Found in the spec's text; the technical owner can fix these in the YAML.</p>${findingList(model.problems)}</section>`;
}

function owners(model: PreviewModel): string {
  const side = (owners: OwnersSide): string => {
    const people = owners.people.map((person) => {
      const name = person.name?.text.trim() || "";
      const shownName = person.named ? `<strong>${escapeHtml(name)}</strong>` : `<strong class="placeholder">${escapeHtml(name || "No name")}</strong><span class="placeholder-note">Not named yet</span>`;
      const role = person.role ? `<span class="person-role">${segments(person.role)}</span>` : "";
      const team = person.team ? `<span class="person-team">${escapeHtml(person.team.text)}</span>` : "";
      // An address that does not make a clean mailto: link is still shown, as text.
      const email = person.email ? (safeHref(`mailto:${person.email.value}`) ? link(`mailto:${person.email.value}`, person.email.text, "person-email") : `<span class="person-email">${escapeHtml(person.email.text)}</span>`) : "";
      return `<li class="person${person.named ? "" : " person--unnamed"}"${rangeAttr(person)}><span class="avatar" aria-hidden="true">${escapeHtml(initials(person.named ? name : "?"))}</span><div class="person-text">${shownName}${role}${team}${email}${findingList(person.findings)}</div></li>`;
    });
    const empty = owners.people.length === 0 ? `<p class="empty">${owners.present ? "Listed, but nobody is named." : "Nobody named yet."}</p>` : "";
    return `<div class="side side--${owners.side}"${rangeAttr(owners)}><h3><span class="side-dot" aria-hidden="true"></span>${SIDE_NAMES[owners.side]}</h3><ul class="people">${people.join("")}</ul>${empty}${findingList(owners.findings)}</div>`;
  };
  const content = model.owners.present
    ? `<div class="sides">${side(model.owners.marketing)}${side(model.owners.technology)}</div>`
    : absent(model, "No owners in the spec yet.");
  return card("owners", "Owners", content, model.owners);
}

function kpis(model: PreviewModel): string {
  const section = model.kpis;
  if (section.items.length === 0) return card("kpis", "KPIs", section.present ? `<p class="empty">The KPI list is empty.</p>` : absent(model, "No KPIs in the spec yet."), section);
  const row = (kpi: PreviewKpi): string => {
    const name = kpi.name ? segments(kpi.name) : escapeHtml(kpi.id ?? "Unnamed KPI");
    const shared = kpi.shared ? ` <span class="badge badge--shared" title="Owned by marketing and technology together">Shared</span>` : "";
    const definition = kpi.definition ? `<p class="kpi-definition">${segments(kpi.definition)}</p>` : `<p class="kpi-definition is-missing">No definition yet</p>`;
    const owners = kpi.owners.length > 0 ? kpi.owners.map((side) => `<span class="chip chip--${side}">${SIDE_NAMES[side]}</span>`).join("") : `<span class="muted">Nobody</span>`;
    const cell = (field: PreviewField | undefined, missing: string): string => (field ? segments(field) : `<span class="is-missing">${missing}</span>`);
    const source = `${cell(kpi.source, "No source yet")}${kpi.cadence ? `<div class="muted">${escapeHtml(kpi.cadence.text)}</div>` : ""}`;
    return `<tr${rangeAttr(kpi)}><td class="kpi-name"><strong>${name}</strong>${shared}${definition}${findingList(kpi.findings)}</td><td class="kpi-target">${cell(kpi.target, "No target")}</td><td>${cell(kpi.baseline, "–")}</td><td class="kpi-owners">${owners}</td><td class="kpi-source">${source}</td></tr>`;
  };
  const table = `<div class="table-wrap"><table class="kpi-table"><thead><tr><th>KPI</th><th>Target</th><th>Baseline</th><th>Owned by</th><th>Source</th></tr></thead><tbody>${section.items.map(row).join("")}</tbody></table></div>`;
  return card("kpis", "KPIs", table, section);
}

function securityReview(model: PreviewModel): string {
  const review = model.securityReview;
  if (!review.present) return card("security", "Security review", absent(model, "No security review in the spec yet."), review);
  const rows = [
    ["Status", review.status ? `${pill(review.status, "review")}${describe(review.status)}` : missingText("No status")],
    ["Reviewer", review.reviewer ? (review.reviewerNamed ? segments(review.reviewer) : `<span class="placeholder">${escapeHtml(review.reviewer.text)}</span> <span class="placeholder-note">Not named yet</span>`) : missingText("Nobody named")],
    ["Date", review.date ? escapeHtml(review.date.text) : missingText("No date")],
    ["Data", review.classification ? `${pill(review.classification, "class")}${describe(review.classification)}` : missingText("Not classified")],
    ["Notes", review.notes ? segments(review.notes) : `<span class="muted">None</span>`],
  ];
  const fields = [review.status, review.reviewer, review.date, review.classification, review.notes];
  const list = rows.map(([label, value], i) => `<div class="fact"${rangeAttr(fields[i])}><dt>${label}</dt><dd>${value}${findingList(fields[i]?.findings ?? [])}</dd></div>`).join("");
  return card("security", "Security review", `<dl class="facts">${list}</dl>`, review);
}

// Dates and sign-offs together: a sign-off is the last milestone before approval.
function timelineAndSignOff(model: PreviewModel): string {
  const section = model.timeline;
  const milestones = section.items.map(
    (milestone) =>
      `<li class="milestone"${rangeAttr(milestone)}><span class="milestone-date">${escapeHtml(milestone.date.text)}</span><span class="milestone-label">${escapeHtml(milestone.label)}</span>${findingList(milestone.date.findings)}</li>`,
  );
  const dates = milestones.length > 0 ? `<ol class="timeline-list">${milestones.join("")}</ol>` : absent(model, "No dates in the spec yet.");
  const approvals = model.approvals;
  // Once the spec is approved or live, a missing sign-off is a problem, not just a fact.
  const needed = model.readiness.some((check) => check.ruleId === "joint-sign-off" && check.state === "failed");
  const side = (approval: PreviewApproval): string => {
    const state = approval.signed
      ? `<span class="signed">✓ ${escapeHtml(approval.name!.text)}</span>${approval.date ? `<span class="muted">${escapeHtml(approval.date.text)}</span>` : ""}`
      : `<span class="unsigned${needed ? " unsigned--needed" : ""}">Not signed yet</span>`;
    return `<div class="approval approval--${approval.side}"${rangeAttr(approval)}><h4><span class="side-dot" aria-hidden="true"></span>${SIDE_NAMES[approval.side]}</h4>${state}${findingList(approval.findings)}</div>`;
  };
  const signOff = `<div class="sign-off"${rangeAttr(approvals)}><h3>Sign-off</h3>${findingList(approvals.findings)}<div class="sides sides--compact">${side(approvals.marketing)}${side(approvals.technology)}</div></div>`;
  return card("timeline", "Timeline", `${dates}${findingList(section.findings)}${signOff}`, undefined);
}

function dataAndSystems(model: PreviewModel): string {
  const rows = model.data.items.map((item) => {
    const systems = item.systems.map((system) => `<span class="chip">${segments(system)}</span>`).join("");
    const classification = item.classification ? `${pill(item.classification, "class")}` : missingText("Not classified");
    return `<tr${rangeAttr(item)}><td><strong>${item.name ? segments(item.name) : missingText("Unnamed")}</strong>${findingList(item.findings)}</td><td>${classification}</td><td><div class="chips">${systems || `<span class="muted">None named</span>`}</div></td></tr>`;
  });
  const data =
    rows.length > 0
      ? `<div class="table-wrap"><table class="data-table"><thead><tr><th>Data</th><th>Sensitivity</th><th>Held or moved by</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`
      : absent(model, "No data items in the spec yet.");
  const systems =
    model.systems.items.length > 0
      ? `<div class="chips"${rangeAttr(model.systems)}>${model.systems.items.map((s) => `<span class="chip"${rangeAttr(s)}>${segments(s)}</span>`).join("")}</div>`
      : absent(model, "No systems listed yet.");
  return card("data", "Data & systems", `${data}${findingList(model.data.findings)}<h3>Every system the campaign touches</h3>${systems}${findingList(model.systems.findings)}`, undefined);
}

function links(model: PreviewModel): string {
  if (!model.links.present) return "";
  const items = model.links.items.map((item) => {
    const title = item.title?.text.trim() || item.url;
    return `<li${rangeAttr(item)}>${link(item.url, title)}${findingList(item.findings)}</li>`;
  });
  return card("links", "Links", items.length > 0 ? `<ul class="link-list">${items.join("")}</ul>` : `<p class="empty">The list of links is empty.</p>`, model.links);
}

function terms(model: PreviewModel): string {
  if (model.terms.length === 0) return "";
  const intro = `<p class="card-intro"><span class="for-lens-marketing">Each term is explained in marketing's words first, with technology's reading beside it.</span><span class="for-lens-technology">Each term is explained in technology's words first, with marketing's reading beside it.</span> Switch with “Read as” at the top.</p>`;
  return card("terms", "Terms in this spec", `${intro}<div class="term-list">${model.terms.map(term).join("")}</div>`, undefined);
}

function term(item: PreviewTerm): string {
  const uses = item.uses === 1 ? "used once" : `used ${item.uses} times`;
  const kindBadge =
    item.kind === "ambiguous"
      ? `<span class="badge badge--ambiguous">Read differently</span>`
      : `<span class="badge badge--jargon">${SIDE_NAMES[item.jargonSide ?? "technology"]} term</span>`;
  // An unpinned term worth a finding says so through it; a meaning of the spec's own is shown first.
  const pinNote = item.pinned && !item.pinned.side ? `<p class="pin-note">In this spec it means: <strong>${escapeHtml(item.pinned.value)}</strong>.</p>` : "";
  const meanings = SIDES.flatMap((side) => {
    const meaning = item[side];
    if (!meaning) return [];
    const pinned = item.pinned?.side === side;
    const notMeant = item.pinned !== undefined && !pinned;
    // One label per lens: the reader's own side is "you".
    const who = SIDES.map((lens) => {
      const label = item.kind === "jargon" ? (lens === side ? "Your team's term" : `From ${side}'s vocabulary, in plain words`) : lens === side ? `How you read it (${side})` : `How ${side} reads it`;
      return `<span class="for-lens-${lens}">${label}</span>`;
    }).join("");
    const mark = pinned ? `<span class="badge badge--pinned">✓ Meant in this spec</span>` : notMeant ? `<span class="badge badge--muted">Not meant here</span>` : "";
    return [
      `<div class="meaning meaning--${side}${pinned ? " is-pinned" : ""}${notMeant ? " is-not-meant" : ""}"><p class="meaning-who">${who}${mark}</p><p class="meaning-text"><strong>${escapeHtml(meaning.label)}</strong>: ${escapeHtml(meaning.meaning)}</p></div>`,
    ];
  });
  // A workspace glossary is named by its file name only: a report must not carry local paths.
  const origin = item.origin === "bundled" ? "" : ` · from ${escapeHtml(item.origin.split(/[\\/]/).pop() ?? "")}`;
  return `<div class="term term--${item.kind}" id="${escapeHtml(item.key)}"${rangeAttr(item)}><div class="term-head"><dfn>${escapeHtml(item.term)}</dfn>${kindBadge}<span class="muted term-uses">${uses}${origin}</span></div>${pinNote}<div class="meanings${meanings.length === 1 ? " meanings--single" : ""}">${meanings.join("")}</div><p class="term-example"><span class="muted">Example:</span> ${escapeHtml(item.example)}</p>${findingList(item.findings)}</div>`;
}

// ---- small pieces -----------------------------------------------------------------------

function card(name: string, title: string, content: string, anchor: Anchored | undefined): string {
  const findings = anchor ? findingList(anchor.findings) : "";
  return `<section class="card card--${name}"${anchor ? rangeAttr(anchor) : ""}><h2>${escapeHtml(title)}</h2>${findings}${content}</section>`;
}

// Findings in place: under the item they are about.
function findingList(findings: readonly PreviewFinding[]): string {
  if (findings.length === 0) return "";
  const item = (f: PreviewFinding): string =>
    `<li class="finding finding--${f.severity}"${rangeAttr(f)}><span class="finding-severity">${SEVERITY_WORDS[f.severity]}</span> ${escapeHtml(f.message)}</li>`;
  return `<ul class="findings">${findings.map(item).join("")}</ul>`;
}

const SEVERITY_WORDS: Record<PreviewFinding["severity"], string> = { error: "Must fix", warning: "Should fix", info: "Note" };

// The text of a value, with its glossary terms linked to their cards.
function segments(field: PreviewField): string {
  return field.segments
    .map((segment) => (segment.term ? `<a class="term-ref" href="#${escapeHtml(segment.term)}">${escapeHtml(segment.text)}</a>` : escapeHtml(segment.text)))
    .join("");
}

function pill(field: PreviewField, family: string): string {
  const known = field.description !== undefined;
  const modifier = known ? ` pill--${family}-${field.value.replace(/[^a-z0-9-]/gi, "")}` : " pill--unknown";
  return `<span class="pill pill--${family}${modifier}">${escapeHtml(field.text)}</span>`;
}

function describe(field: PreviewField): string {
  return field.description ? `<span class="fact-description">${escapeHtml(field.description)}</span>` : "";
}

// What an empty section says: that the spec lacks it, or, past a YAML error, that it was not read.
function absent(model: PreviewModel, text: string): string {
  return `<p class="empty">${escapeHtml(model.readability === "partial" ? "Not read: the YAML error stops the reading before this part, or it is missing." : text)}</p>`;
}

function missingText(text: string): string {
  return `<span class="is-missing">${escapeHtml(text)}</span>`;
}

// A link when the URL's scheme is allowed; otherwise the text, inert, with the URL shown.
function link(url: string, text: string, className = ""): string {
  const href = safeHref(url);
  const cls = className ? ` class="${className}"` : "";
  if (href) return `<a${cls} href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(text)}</a>`;
  const shown = text === url ? "" : ` <code class="blocked-url">${escapeHtml(url)}</code>`;
  return `<span class="blocked-link${className ? ` ${className}` : ""}">${escapeHtml(text)}${shown} <span class="muted">(not a web or mail link, so not clickable)</span></span>`;
}

// Where a click on the item reveals the source: "line,character,endLine,endCharacter".
function rangeAttr(item: { range: Range } | undefined): string {
  if (!item) return "";
  const { start, end } = item.range;
  return ` data-range="${start.line},${start.character},${end.line},${end.character}"`;
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => [...word][0] ?? "")
    .filter((c) => /\p{L}/u.test(c));
  return (letters.length > 1 ? letters[0]! + letters[letters.length - 1]! : (letters[0] ?? "?")).toUpperCase();
}

