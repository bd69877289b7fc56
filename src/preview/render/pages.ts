// The two pages that show the preview: the VS Code panel's, which loads the page's style
// sheet and script from the extension, and the standalone report's (`--format html`), which
// carries them inline and holds every spec of a run. Pure string building, like article.ts;
// each page is locked down by its Content Security Policy.

import type { PreviewModel } from "../model/types.js";
import type { Lens } from "../webview/messages.js";
import { pill, previewArticle, previewMessage, readinessVerdict, SIDE_NAMES, SIDES } from "./article.js";
import previewAssets from "./generated/preview-assets.json";
import { escapeHtml, html, join, trusted, type Markup } from "./markup.js";

/** The page's CSS and script, built from src/preview/webview/preview.css and main.ts. */
export const PREVIEW_ASSETS: { css: string; script: string; cssHash: string; scriptHash: string } = previewAssets;

// Ours, built by scripts/generate-preview.mjs, which refuses a text that could end its element early.
const INLINE_STYLE = trusted(PREVIEW_ASSETS.css);
const INLINE_SCRIPT = trusted(PREVIEW_ASSETS.script);

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
  const csp = [
    "default-src 'none'",
    `style-src ${options.cspSource} 'nonce-${options.nonce}'`,
    `script-src 'nonce-${options.nonce}'`,
    `img-src ${options.cspSource} data:`,
    `font-src ${options.cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  // The body is the renderer's own markup, handed back by the panel as the string it keeps.
  const body = trusted(options.body);
  return html`<!DOCTYPE html>
<html lang="en" data-lens="${options.lens}" data-document-uri="${options.documentUri}">
<head>
<meta charset="utf-8">
${cspMeta(csp)}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<link rel="stylesheet" nonce="${options.nonce}" href="${options.styleUri}">
<script nonce="${options.nonce}" src="${options.scriptUri}" defer></script>
</head>
<body class="in-panel">
${toolbar(options.lens)}
<main id="preview-root">${body}</main>
</body>
</html>
`.text;
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
  const nonce = options.nonce ? html` nonce="${options.nonce}"` : undefined;
  const allow = (hash: string): string => `'${hash}'${options.nonce ? ` 'nonce-${options.nonce}'` : ""}`;
  const csp = `default-src 'none'; style-src ${allow(PREVIEW_ASSETS.cssHash)}; script-src ${allow(PREVIEW_ASSETS.scriptHash)}; img-src data:; base-uri 'none'; form-action 'none'`;
  const articles = entries.map(({ path, model }, index) =>
    model ? previewArticle(model, { anchorId: `spec-${index + 1}` }) : previewMessage(path, "No preview was made for this file.", `spec-${index + 1}`),
  );
  const only = entries.length === 1 ? entries[0] : undefined;
  const heading = only ? (only.model?.heading ?? only.path) : `${entries.length} campaign specs`;
  return html`<!DOCTYPE html>
<html lang="en" data-lens="marketing">
<head>
<meta charset="utf-8">
${cspMeta(csp)}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="JointSpec ${options.toolVersion}">
<title>${heading} · JointSpec report</title>
<style${nonce}>${INLINE_STYLE}</style>
</head>
<body class="in-report">
${toolbar("marketing", `JointSpec report · ${entries.length === 1 ? "1 spec" : `${entries.length} specs`}`)}
<main>
${entries.length > 1 ? tableOfContents(entries) : undefined}
${join(articles, "\n")}
<footer class="report-footer">Made by JointSpec ${options.toolVersion} from the specs' YAML. To edit a spec, open it in VS Code with the JointSpec extension.</footer>
</main>
<script${nonce}>${INLINE_SCRIPT}</script>
</body>
</html>
`.text;
}

// ---- page parts -------------------------------------------------------------------------

function cspMeta(csp: string): Markup {
  // The policy reads as written: its single quotes need no escaping inside a double-quoted
  // attribute, so it is escaped for one, apostrophes kept.
  const policy = trusted(escapeHtml(csp).replaceAll("&#39;", "'"));
  return html`<meta http-equiv="Content-Security-Policy" content="${policy}">`;
}

function toolbar(current: Lens, caption = "JointSpec preview"): Markup {
  const button = (lens: Lens): Markup =>
    html`<button type="button" data-lens-choice="${lens}" aria-pressed="${String(lens === current)}">${SIDE_NAMES[lens]}</button>`;
  return html`<header class="toolbar"><span class="toolbar-caption">${caption}</span><div class="lens" role="group" aria-label="Explain terms for"><span class="lens-label">Read as</span>${SIDES.map(button)}</div></header>`;
}

function tableOfContents(entries: readonly ReportEntry[]): Markup {
  const rows = entries.map(({ path, model }, index) => {
    const anchor = html`<a href="#spec-${index + 1}">${model?.heading ?? path}</a><div class="toc-path">${path}</div>`;
    if (!model) return html`<tr><td>${anchor}</td><td></td><td></td><td></td></tr>`;
    const { tone, verdict } = readinessVerdict(model);
    const status = model.status ? pill(model.status, "status") : html`<span class="muted">No status</span>`;
    const others = otherFindingCounts(model);
    return html`<tr><td>${anchor}</td><td>${status}</td><td><span class="toc-state toc-state--${tone}">${verdict}</span></td><td class="toc-notes${/must fix/.test(others) ? " toc-notes--must" : ""}">${others || html`<span class="muted">None</span>`}</td></tr>`;
  });
  return html`<nav class="card toc" aria-label="Specs in this report"><h2>Specs in this report</h2><table><thead><tr><th>Spec</th><th>Status</th><th>Readiness</th><th>Other notes</th></tr></thead><tbody>${rows}</tbody></table></nav>`;
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
