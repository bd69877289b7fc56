// One spec's preview as HTML: the article the VS Code panel shows, and the report repeats
// for each spec. Pure string building, no DOM and no vscode.
//
// Everything taken from a spec is data written by someone else. Every part is built with
// the `html` tag (markup.ts), which escapes each value put into it, and a URL becomes a link
// only when safeHref allows its scheme (http, https or mailto); anything else is shown as
// inert text. No event-handler attribute is ever written, no JSON sits in a script tag, and
// no style attribute is used (the pages' CSP allows only the page's own style sheet).

import type { BusinessFunction, Range } from "../../core/types.js";
import type {
  Anchored,
  CheckState,
  OwnersSide,
  PreviewApproval,
  PreviewField,
  PreviewFinding,
  PreviewKpi,
  PreviewModel,
  PreviewTerm,
  ReadinessCheck,
} from "../model/types.js";
import { html, join, safeHref, trusted, type Markup } from "./markup.js";

/** The two sides, in the order the page shows them. */
export const SIDES: readonly BusinessFunction[] = ["marketing", "technology"];
/** Each side's name on the page. */
export const SIDE_NAMES: Readonly<Record<BusinessFunction, string>> = { marketing: "Marketing", technology: "Technology" };

const NOTHING = html``;

/** How an article is rendered: where it sits on a page of several, and whether it offers actions. */
export interface ArticleOptions {
  /** The article's id on a page of several specs; its term cards' ids get it as a prefix. */
  anchorId?: string;
  /**
   * Whether the page can act on the spec: the VS Code panel, with an extension behind it,
   * shows "Sign off for …" and "Sign again" buttons; the HTML report shows the same facts
   * without them.
   */
  actions?: boolean;
}

/** One spec's preview: the fragment the panel shows and the report repeats per spec. */
export function renderPreviewArticle(model: PreviewModel, options: ArticleOptions = {}): string {
  return previewArticle(model, options).text;
}

/** A short message in place of a preview, such as "this file is not a spec". */
export function renderPreviewMessage(title: string, text: string, anchorId?: string): string {
  return previewMessage(title, text, anchorId).text;
}

/** renderPreviewArticle's markup, for the report page to hold. */
export function previewArticle(model: PreviewModel, options: ArticleOptions = {}): Markup {
  // A spec that could not be read at all has no sections to show: only what is wrong.
  const sections =
    model.readability === "none"
      ? []
      : [
          owners(model),
          kpis(model),
          html`<div class="pair">${securityReview(model)}${timelineAndSignOff(model, options.actions === true)}</div>`,
          dataAndSystems(model),
          links(model),
          terms(model),
        ];
  const parts = [header(model), notice(model), model.readability === "none" ? NOTHING : readiness(model), problems(model), ...sections];
  if (!options.anchorId) return html`<article class="spec">${parts}</article>`;
  // Several specs on one page: their term cards' ids (and the links to them) get the spec's
  // prefix. Data cannot produce these exact attribute texts, since quotes in data are escaped,
  // so the rewrite touches only what term() and segments() wrote; the prefix is escaped.
  const prefix = html`${options.anchorId}`.text;
  const body = html`${parts}`.text.replaceAll(' id="term-', ` id="${prefix}-term-`).replaceAll(' href="#term-', ` href="#${prefix}-term-`);
  return html`<article class="spec" id="${options.anchorId}">${trusted(body)}</article>`;
}

/** renderPreviewMessage's markup, for the report page to hold. */
export function previewMessage(title: string, text: string, anchorId?: string): Markup {
  const id = anchorId ? html` id="${anchorId}"` : NOTHING;
  return html`<article class="spec"${id}><header class="spec-header"><h1>${title}</h1></header><div class="notice" role="status"><p>${text}</p></div></article>`;
}

/** The checklist's verdict in a few words, and its tone: for the checklist and the report's table of contents. */
export function readinessVerdict(model: PreviewModel): { tone: "passed" | "failed" | "unknown"; verdict: string } {
  const count = (state: CheckState): number => model.readiness.filter((c) => c.state === state).length;
  const failed = count("failed");
  if (model.readability !== "complete" || model.readiness.length === 0) return { tone: "unknown", verdict: "Not checked yet" };
  if (failed > 0) return { tone: "failed", verdict: `${failed} ${failed === 1 ? "thing" : "things"} to fix` };
  if (count("waived") > 0) return { tone: "passed", verdict: "Ready, with waivers" };
  return { tone: "passed", verdict: count("not-applicable") > 0 ? "Ready so far" : "Ready" };
}

/** An enum value as a coloured pill: known values get their own colour, unknown ones a warning look. */
export function pill(field: PreviewField, family: string): Markup {
  const known = field.description !== undefined;
  const modifier = known ? ` pill--${family}-${field.value.replace(/[^a-z0-9-]/gi, "")}` : " pill--unknown";
  return html`<span class="pill pill--${family}${modifier}">${field.text}</span>`;
}

// ---- sections ---------------------------------------------------------------------------

function header(model: PreviewModel): Markup {
  const eyebrow = [
    model.fileName ? html`${model.fileName}` : undefined,
    model.id ? html`<span${rangeAttr(model.id)}>${model.id.text}</span>` : undefined,
  ].filter((part) => part !== undefined);
  const title = model.title ? html`<h1${rangeAttr(model.title)}>${segments(model.title)}</h1>` : html`<h1 class="is-missing">${model.heading}</h1>`;
  const status = model.status
    ? html`<div class="status-line"${rangeAttr(model.status)}>${pill(model.status, "status")}${model.status.description ? html`<span class="status-description">${model.status.description}</span>` : NOTHING}${findingList(model.status.findings)}</div>`
    : NOTHING;
  const summary = model.summary
    ? html`<p class="summary"${rangeAttr(model.summary)}>${segments(model.summary)}</p>${findingList(model.summary.findings)}`
    : NOTHING;
  return html`<header class="spec-header">${eyebrow.length > 0 ? html`<p class="eyebrow">${join(eyebrow, " · ")}</p>` : NOTHING}${title}${findingList(model.title?.findings ?? [])}${status}${summary}${termsCallout(model)}</header>`;
}

// Words the two sides read differently, unpinned, are the likeliest misunderstanding: say so at the top.
function termsCallout(model: PreviewModel): Markup {
  const open = model.terms.filter((term) => term.kind === "ambiguous" && !term.pinned && term.findings.length > 0);
  if (open.length === 0) return NOTHING;
  const names = join(
    open.map((term) => html`<strong>${term.term}</strong>`),
    ", ",
  );
  return html`<p class="terms-callout"><span class="terms-callout-mark" aria-hidden="true">⚑</span> <span>Read differently by marketing and technology, and this spec does not say which meaning it uses: ${names}. <a href="#${open[0]!.key}">See both meanings</a></span></p>`;
}

function notice(model: PreviewModel): Markup {
  const missing = model.missing.length > 0 ? html`<p class="missing">Not in the spec yet: ${model.missing.join(", ")}.</p>` : undefined;
  if (!model.notice) return missing ? html`<div class="notice notice--quiet">${missing}</div>` : NOTHING;
  return html`<div class="notice" role="status"><p>${model.notice}</p>${missing}</div>`;
}

const CHECK_ICONS: Record<CheckState, string> = { passed: "✓", failed: "✗", waived: "!", "not-applicable": "–", "not-checked": "?" };
const CHECK_WORDS: Record<CheckState, string> = {
  passed: "Passed",
  failed: "To fix",
  waived: "Waived",
  "not-applicable": "Later",
  "not-checked": "Not checked",
};

function readiness(model: PreviewModel): Markup {
  const count = (state: CheckState): number => model.readiness.filter((c) => c.state === state).length;
  const [passed, later] = [count("passed"), count("not-applicable")];
  const { tone, verdict } = readinessVerdict(model);
  const tally = `${passed} of ${model.readiness.length} checks pass${later > 0 ? `; ${later} apply once the spec is approved` : ""}`;
  return html`<section class="card readiness"><div class="card-head"><h2>Ready to approve?</h2><span class="verdict verdict--${tone}">${verdict}</span></div><p class="card-intro">${tally}.</p><ul class="checklist">${model.readiness.map(check)}</ul></section>`;
}

function check(item: ReadinessCheck): Markup {
  const detail = item.detail ? html`<p class="check-detail">${item.detail}</p>` : NOTHING;
  const waivers = item.waivers.map((reason) => html`<p class="check-detail">Reason given: ${reason}</p>`);
  const messages =
    item.state === "failed" ? html`<ul class="check-messages">${item.findings.map((f) => html`<li${rangeAttr(f)}>${f.message}</li>`)}</ul>` : NOTHING;
  // The rule's page explains why, in both functions' words: worth a click when something is wrong.
  const more = item.state === "failed" || item.state === "waived" ? safeHref(item.docsUrl) : undefined;
  const why = more ? html` <a class="why" href="${more}" target="_blank" rel="noopener noreferrer">Why it matters</a>` : NOTHING;
  return html`<li class="check check--${item.state}" data-check="${item.ruleId}"${rangeAttr(item)}><span class="check-icon" aria-hidden="true">${CHECK_ICONS[item.state]}</span><div class="check-body"><p class="check-title"><strong>${item.label}</strong><span class="check-state">${CHECK_WORDS[item.state]}</span>${why}</p>${detail}${waivers}${messages}</div></li>`;
}

function problems(model: PreviewModel): Markup {
  if (model.problems.length === 0) return NOTHING;
  return html`<section class="card problems"><h2>Also to fix</h2><p class="card-intro">Found in the spec's text; the technical owner can fix these in the YAML.</p>${findingList(model.problems)}</section>`;
}

function owners(model: PreviewModel): Markup {
  const side = (owners: OwnersSide): Markup => {
    const people = owners.people.map((person) => {
      const name = person.name?.text.trim() || "";
      const shownName = person.named
        ? html`<strong>${name}</strong>`
        : html`<strong class="placeholder">${name || "No name"}</strong><span class="placeholder-note">Not named yet</span>`;
      const role = person.role ? html`<span class="person-role">${segments(person.role)}</span>` : NOTHING;
      const team = person.team ? html`<span class="person-team">${person.team.text}</span>` : NOTHING;
      // An address that does not make a clean mailto: link is still shown, as text.
      const mailto = person.email ? `mailto:${person.email.value}` : "";
      const email = person.email
        ? safeHref(mailto)
          ? link(mailto, person.email.text, "person-email")
          : html`<span class="person-email">${person.email.text}</span>`
        : NOTHING;
      return html`<li class="person${person.named ? "" : " person--unnamed"}"${rangeAttr(person)}><span class="avatar" aria-hidden="true">${initials(person.named ? name : "?")}</span><div class="person-text">${shownName}${role}${team}${email}${findingList(person.findings)}</div></li>`;
    });
    const empty = owners.people.length === 0 ? html`<p class="empty">${owners.present ? "Listed, but nobody is named." : "Nobody named yet."}</p>` : NOTHING;
    return html`<div class="side side--${owners.side}"${rangeAttr(owners)}><h3><span class="side-dot" aria-hidden="true"></span>${SIDE_NAMES[owners.side]}</h3><ul class="people">${people}</ul>${empty}${findingList(owners.findings)}</div>`;
  };
  const content = model.owners.present
    ? html`<div class="sides">${side(model.owners.marketing)}${side(model.owners.technology)}</div>`
    : absent(model, "No owners in the spec yet.");
  return card("owners", "Owners", content, model.owners);
}

// What a KPI measures, and for a customer focus which customer: the two functions read
// "customer" differently, so the page says it in words.
function kpiFocus(kpi: PreviewKpi): Markup {
  if (!kpi.focus && !kpi.customer) return NOTHING;
  const customer = kpi.customer
    ? html` (${kpi.customer.value === "external" ? "external buyers" : kpi.customer.value === "internal" ? "internal teams" : kpi.customer.text})`
    : NOTHING;
  const what = kpi.focus ? kpi.focus.text : "Customer";
  return html` <span class="badge badge--focus" data-focus="${kpi.focus?.value ?? "customer"}" title="${kpi.focus?.description ?? kpi.customer?.description ?? ""}">Focus: ${what}${customer}</span>`;
}

function kpis(model: PreviewModel): Markup {
  const section = model.kpis;
  if (section.items.length === 0)
    return card("kpis", "KPIs", section.present ? html`<p class="empty">The KPI list is empty.</p>` : absent(model, "No KPIs in the spec yet."), section);
  const row = (kpi: PreviewKpi): Markup => {
    const name = kpi.name ? segments(kpi.name) : html`${kpi.id ?? "Unnamed KPI"}`;
    const shared = kpi.shared ? html` <span class="badge badge--shared" title="Owned by marketing and technology together">Shared</span>` : NOTHING;
    const focus = kpiFocus(kpi);
    const definition = kpi.definition
      ? html`<p class="kpi-definition">${segments(kpi.definition)}</p>`
      : html`<p class="kpi-definition is-missing">No definition yet</p>`;
    const owners =
      kpi.owners.length > 0
        ? kpi.owners.map((side) => html`<span class="chip chip--${side}">${SIDE_NAMES[side]}</span>`)
        : html`<span class="muted">Nobody</span>`;
    const cell = (field: PreviewField | undefined, missing: string): Markup => (field ? segments(field) : html`<span class="is-missing">${missing}</span>`);
    const source = html`${cell(kpi.source, "No source yet")}${kpi.cadence ? html`<div class="muted">${kpi.cadence.text}</div>` : NOTHING}`;
    return html`<tr${rangeAttr(kpi)}><td class="kpi-name"><strong>${name}</strong>${shared}${focus}${definition}${findingList(kpi.findings)}</td><td class="kpi-target">${cell(kpi.target, "No target")}</td><td>${cell(kpi.baseline, "–")}</td><td class="kpi-owners">${owners}</td><td class="kpi-source">${source}</td></tr>`;
  };
  const table = html`<div class="table-wrap"><table class="kpi-table"><thead><tr><th>KPI</th><th>Target</th><th>Baseline</th><th>Owned by</th><th>Source</th></tr></thead><tbody>${section.items.map(row)}</tbody></table></div>`;
  return card("kpis", "KPIs", table, section);
}

function securityReview(model: PreviewModel): Markup {
  const review = model.securityReview;
  if (!review.present) return card("security", "Security review", absent(model, "No security review in the spec yet."), review);
  const reviewer = review.reviewerNamed
    ? segments
    : (field: PreviewField) => html`<span class="placeholder">${field.text}</span> <span class="placeholder-note">Not named yet</span>`;
  const facts: [string, PreviewField | undefined, Markup][] = [
    ["Status", review.status, review.status ? html`${pill(review.status, "review")}${describe(review.status)}` : missingText("No status")],
    ["Reviewer", review.reviewer, review.reviewer ? reviewer(review.reviewer) : missingText("Nobody named")],
    ["Date", review.date, review.date ? html`${review.date.text}` : missingText("No date")],
    [
      "Data",
      review.classification,
      review.classification ? html`${pill(review.classification, "class")}${describe(review.classification)}` : missingText("Not classified"),
    ],
    ["Notes", review.notes, review.notes ? segments(review.notes) : html`<span class="muted">None</span>`],
  ];
  const list = facts.map(
    ([label, field, value]) => html`<div class="fact"${rangeAttr(field)}><dt>${label}</dt><dd>${value}${findingList(field?.findings ?? [])}</dd></div>`,
  );
  return card("security", "Security review", html`<dl class="facts">${list}</dl>`, review);
}

// Dates and sign-offs together: a sign-off is the last milestone before approval.
function timelineAndSignOff(model: PreviewModel, actions: boolean): Markup {
  const section = model.timeline;
  const milestones = section.items.map(
    (milestone) =>
      html`<li class="milestone"${rangeAttr(milestone)}><span class="milestone-date">${milestone.date.text}</span><span class="milestone-label">${milestone.label}</span>${findingList(milestone.date.findings)}</li>`,
  );
  const dates = milestones.length > 0 ? html`<ol class="timeline-list">${milestones}</ol>` : absent(model, "No dates in the spec yet.");
  const approvals = model.approvals;
  // Once the spec is approved or live, a missing sign-off is a problem, not just a fact.
  const needed = model.readiness.some((check) => check.ruleId === "joint-sign-off" && check.state === "failed");
  const side = (approval: PreviewApproval): Markup =>
    html`<div class="approval approval--${approval.side} approval--${approval.signed ? approval.state : "missing"}" data-approval="${approval.side}"${rangeAttr(approval)}><h4><span class="side-dot" aria-hidden="true"></span>${SIDE_NAMES[approval.side]}</h4>${signOffState(approval, needed)}${findingList(approval.findings)}${signOffAction(approval, actions)}</div>`;
  const signOff = html`<div class="sign-off"${rangeAttr(approvals)}><h3>Sign-off</h3>${findingList(approvals.findings)}<div class="sides sides--compact">${side(approvals.marketing)}${side(approvals.technology)}</div>${notReady(approvals)}</div>`;
  return card("timeline", "Timeline", html`${dates}${findingList(section.findings)}${signOff}`, undefined);
}

// Who signed, when, and whether it still stands for what the spec says now.
function signOffState(approval: PreviewApproval, needed: boolean): Markup {
  if (!approval.signed) return html`<span class="unsigned${needed ? " unsigned--needed" : ""}">Not signed yet</span>`;
  const date = approval.date ? html`<span class="muted">${approval.date.text}</span>` : NOTHING;
  switch (approval.state) {
    case "stale": {
      const changes =
        approval.changes.length > 0 ? html`<ul class="sign-off-changes">${approval.changes.map((change) => html`<li>${change}</li>`)}</ul>` : NOTHING;
      return html`<span class="signed signed--stale"><span aria-hidden="true">!</span> ${approval.name!.text} <span class="badge badge--stale">Stale</span></span>${date}<p class="sign-off-note">Changed since this sign-off:</p>${changes}`;
    }
    case "unrecorded":
      return html`<span class="signed signed--unrecorded">✓ ${approval.name!.text} <span class="badge">No record</span></span>${date}<p class="sign-off-note">Written by hand, without a record of what was signed, so nobody can tell whether it still stands.</p>`;
    default:
      return html`<span class="signed">✓ ${approval.name!.text} <span class="badge badge--current">Current</span></span>${date}`;
  }
}

// The panel's button, when this function may sign now: "Sign off for …", or "Sign again"
// beside a stale or unrecorded sign-off; nothing beside a current one.
function signOffAction(approval: PreviewApproval, actions: boolean): Markup {
  if (!actions || !approval.canSign || (approval.signed && approval.state === "current")) return NOTHING;
  const again = approval.signed;
  return html`<button type="button" class="sign-off-button${again ? " sign-off-button--again" : ""}" data-sign-off="${approval.side}">${again ? "Sign again" : `Sign off for ${approval.side}`}</button>`;
}

// Why nobody can sign yet, said once (both functions sign against the same bar), when a
// function still has to sign; the report shows it too: it is a fact about the spec.
function notReady(approvals: PreviewModel["approvals"]): Markup {
  const waiting = SIDES.map((side) => approvals[side]).find((a) => !a.canSign && a.notReady.length > 0 && !(a.signed && a.state === "current"));
  if (!waiting) return NOTHING;
  return html`<div class="not-ready"><p class="sign-off-note">Not ready to sign yet:</p><ul class="sign-off-changes">${waiting.notReady.map((reason) => html`<li>${reason}</li>`)}</ul></div>`;
}

function dataAndSystems(model: PreviewModel): Markup {
  const rows = model.data.items.map((item) => {
    const systems = item.systems.map((system) => html`<span class="chip">${segments(system)}</span>`);
    const classification = item.classification ? pill(item.classification, "class") : missingText("Not classified");
    return html`<tr${rangeAttr(item)}><td><strong>${item.name ? segments(item.name) : missingText("Unnamed")}</strong>${findingList(item.findings)}</td><td>${classification}</td><td><div class="chips">${systems.length > 0 ? systems : html`<span class="muted">None named</span>`}</div></td></tr>`;
  });
  const data =
    rows.length > 0
      ? html`<div class="table-wrap"><table class="data-table"><thead><tr><th>Data</th><th>Sensitivity</th><th>Held or moved by</th></tr></thead><tbody>${rows}</tbody></table></div>`
      : absent(model, "No data items in the spec yet.");
  const systems =
    model.systems.items.length > 0
      ? html`<div class="chips"${rangeAttr(model.systems)}>${model.systems.items.map((s) => html`<span class="chip"${rangeAttr(s)}>${segments(s)}</span>`)}</div>`
      : absent(model, "No systems listed yet.");
  return card(
    "data",
    "Data & systems",
    html`${data}${findingList(model.data.findings)}<h3>Every system the campaign touches</h3>${systems}${findingList(model.systems.findings)}`,
    undefined,
  );
}

function links(model: PreviewModel): Markup {
  if (!model.links.present) return NOTHING;
  const items = model.links.items.map((item) => {
    const title = item.title?.text.trim() || item.url;
    return html`<li${rangeAttr(item)}>${link(item.url, title)}${findingList(item.findings)}</li>`;
  });
  return card(
    "links",
    "Links",
    items.length > 0 ? html`<ul class="link-list">${items}</ul>` : html`<p class="empty">The list of links is empty.</p>`,
    model.links,
  );
}

function terms(model: PreviewModel): Markup {
  if (model.terms.length === 0) return NOTHING;
  const intro = html`<p class="card-intro"><span class="for-lens-marketing">Each term is explained in marketing's words first, with technology's reading beside it.</span><span class="for-lens-technology">Each term is explained in technology's words first, with marketing's reading beside it.</span> Switch with “Read as” at the top.</p>`;
  return card("terms", "Terms in this spec", html`${intro}<div class="term-list">${model.terms.map(term)}</div>`, undefined);
}

function term(item: PreviewTerm): Markup {
  const uses = item.uses === 1 ? "used once" : `used ${item.uses} times`;
  const kindBadge =
    item.kind === "ambiguous"
      ? html`<span class="badge badge--ambiguous">Read differently</span>`
      : html`<span class="badge badge--jargon">${SIDE_NAMES[item.jargonSide ?? "technology"]} term</span>`;
  // An unpinned term worth a finding says so through it; a meaning of the spec's own is shown first.
  const pinNote = item.pinned && !item.pinned.side ? html`<p class="pin-note">In this spec it means: <strong>${item.pinned.value}</strong>.</p>` : NOTHING;
  const meanings = SIDES.flatMap((side) => {
    const meaning = item[side];
    if (!meaning) return [];
    const pinned = item.pinned?.side === side;
    const notMeant = item.pinned !== undefined && !pinned;
    // One label per lens: the reader's own side is "you".
    const who = SIDES.map((lens) => {
      const label =
        item.kind === "jargon"
          ? lens === side
            ? html`Your team's term`
            : html`From ${side}'s vocabulary, in plain words`
          : lens === side
            ? html`How you read it (${side})`
            : html`How ${side} reads it`;
      return html`<span class="for-lens-${lens}">${label}</span>`;
    });
    const mark = pinned
      ? html`<span class="badge badge--pinned">✓ Meant in this spec</span>`
      : notMeant
        ? html`<span class="badge badge--muted">Not meant here</span>`
        : NOTHING;
    return [
      html`<div class="meaning meaning--${side}${pinned ? " is-pinned" : ""}${notMeant ? " is-not-meant" : ""}"><p class="meaning-who">${who}${mark}</p><p class="meaning-text"><strong>${meaning.label}</strong>: ${meaning.meaning}</p></div>`,
    ];
  });
  // A workspace glossary is named by its file name only: a report must not carry local paths.
  const origin = item.origin === "bundled" ? NOTHING : html` · from ${item.origin.split(/[\\/]/).pop() ?? ""}`;
  return html`<div class="term term--${item.kind}" id="${item.key}"${rangeAttr(item)}><div class="term-head"><dfn>${item.term}</dfn>${kindBadge}<span class="muted term-uses">${uses}${origin}</span></div>${pinNote}<div class="meanings${meanings.length === 1 ? " meanings--single" : ""}">${meanings}</div><p class="term-example"><span class="muted">Example:</span> ${item.example}</p>${findingList(item.findings)}</div>`;
}

// ---- small pieces -----------------------------------------------------------------------

function card(name: string, title: string, content: Markup, anchor: Anchored | undefined): Markup {
  return html`<section class="card card--${name}"${anchor ? rangeAttr(anchor) : NOTHING}><h2>${title}</h2>${anchor ? findingList(anchor.findings) : NOTHING}${content}</section>`;
}

const SEVERITY_WORDS: Record<PreviewFinding["severity"], string> = { error: "Must fix", warning: "Should fix", info: "Note" };

// Findings in place: under the item they are about.
function findingList(findings: readonly PreviewFinding[]): Markup {
  if (findings.length === 0) return NOTHING;
  const item = (f: PreviewFinding): Markup =>
    html`<li class="finding finding--${f.severity}"${rangeAttr(f)}><span class="finding-severity">${SEVERITY_WORDS[f.severity]}</span> ${f.message}</li>`;
  return html`<ul class="findings">${findings.map(item)}</ul>`;
}

// The text of a value, with its glossary terms linked to their cards.
function segments(field: PreviewField): Markup {
  return html`${field.segments.map((segment) => (segment.term ? html`<a class="term-ref" href="#${segment.term}">${segment.text}</a>` : segment.text))}`;
}

function describe(field: PreviewField): Markup {
  return field.description ? html`<span class="fact-description">${field.description}</span>` : NOTHING;
}

// What an empty section says: that the spec lacks it, or, past a YAML error, that it was not read.
function absent(model: PreviewModel, text: string): Markup {
  return html`<p class="empty">${model.readability === "partial" ? "Not read: the YAML error stops the reading before this part, or it is missing." : text}</p>`;
}

function missingText(text: string): Markup {
  return html`<span class="is-missing">${text}</span>`;
}

// A link when the URL's scheme is allowed; otherwise the text, inert, with the URL shown.
function link(url: string, text: string, className = ""): Markup {
  const href = safeHref(url);
  const cls = className ? html` class="${className}"` : NOTHING;
  if (href) return html`<a${cls} href="${href}" target="_blank" rel="noopener noreferrer">${text}</a>`;
  const shown = text === url ? NOTHING : html` <code class="blocked-url">${url}</code>`;
  return html`<span class="blocked-link${className ? ` ${className}` : ""}">${text}${shown} <span class="muted">(not a web or mail link, so not clickable)</span></span>`;
}

// Where a click on the item reveals the source: "line,character,endLine,endCharacter".
function rangeAttr(item: { range: Range } | undefined): Markup {
  if (!item) return NOTHING;
  const { start, end } = item.range;
  return html` data-range="${start.line},${start.character},${end.line},${end.character}"`;
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => [...word][0] ?? "")
    .filter((c) => /\p{L}/u.test(c));
  return (letters.length > 1 ? letters[0]! + letters[letters.length - 1]! : (letters[0] ?? "?")).toUpperCase();
}
