// UI check in a real VS Code workbench (code-server's VS Code server + headless chromium):
// what a person sees when opening a spec that uses the ambiguous term "DR".
// Run by scripts/vscode/run.mjs against its server with the packaged extension installed;
// alone: `node test/ui/check.mjs http://127.0.0.1:PORT` against a server already running.
//
// Each step waits for a condition (bounded), never for a fixed time. On success the
// screenshots go where the caller says (docs/images/, for the README, only when
// JOINTSPEC_UPDATE_SCREENSHOTS=1; see scripts/vscode/run.mjs); on failure a screenshot of the moment goes
// to the run folder and the message says what was awaited and what was there instead.
import { mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO, launchChromium } from "../../scripts/vscode/browser.mjs";

const SPEC = "lapsed-member-winback.campaign.yaml";
const SHOTS = join(REPO, "docs/images");
const VIEWPORT = { width: 1400, height: 900 };

/** A failed wait: what was awaited, and what the page showed instead. */
class WaitFailed extends Error {}

// Waits for a locator to be visible; on timeout throws a WaitFailed that says what it waited for.
async function waitVisible(locator, what, timeoutMs, describeInstead) {
  try {
    await locator.first().waitFor({ state: "visible", timeout: timeoutMs });
  } catch {
    const instead = describeInstead ? await describeInstead().catch(() => "") : "";
    throw new WaitFailed(`waited ${timeoutMs / 1000}s for ${what}${instead ? `; found instead: ${instead}` : ""}`);
  }
  return locator.first();
}

const oneLine = (text) => text.replace(/\s+/g, " ").trim();
const clip = (text, max = 300) => (text.length > max ? `${text.slice(0, max)}…` : text);

// Opens the workspace, then the spec through Quick Open; resolves when its text is on screen.
async function openSpec(page, baseUrl, workspace) {
  await page.goto(`${baseUrl}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: "domcontentloaded", timeout: 60_000 });
  await waitVisible(page.locator(".monaco-workbench .part.editor"), "the workbench (.monaco-workbench)", 60_000);
  // The explorer listing the workspace means the remote file system is connected.
  await waitVisible(page.locator(".explorer-folders-view .monaco-list-row", { hasText: SPEC }), `${SPEC} in the Explorer`, 60_000);
  await page.keyboard.press("Control+P");
  const input = await waitVisible(page.locator(".quick-input-widget input"), "the Quick Open box", 10_000);
  await input.fill(SPEC);
  await waitVisible(page.locator(".quick-input-list .monaco-list-row", { hasText: SPEC }), `${SPEC} in Quick Open`, 30_000);
  await page.keyboard.press("Enter");
  await waitVisible(page.locator(".monaco-editor .view-lines", { hasText: "lapsed-member-winback" }), `the editor showing ${SPEC}`, 30_000);
}

// Opens the Problems panel and waits for the ambiguous-term finding on "DR".
async function problemsListFinding(page) {
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+Shift+M");
  const panel = page.locator(".markers-panel");
  await waitVisible(panel, "the Problems panel (.markers-panel) after Ctrl+Shift+M", 15_000);
  const row = panel.locator(".monaco-list-row").filter({ hasText: '"DR" means' }).filter({ hasText: "ambiguous-term" });
  const found = await waitVisible(row, 'a row in .markers-panel containing \'"DR" means\' and \'ambiguous-term\'', 30_000, async () => {
    const rows = await panel.locator(".monaco-list-row").allInnerTexts();
    const message = await panel.locator(".message-box-container, .markers-panel-container .message").allInnerTexts();
    return clip(rows.length ? rows.map(oneLine).join(" | ") : oneLine(message.join(" ")) || "an empty panel");
  });
  return oneLine(await found.innerText());
}

// Hovers the word DR in the spec's summary and waits for a hover naming both meanings.
async function hoverShowsBothMeanings(page) {
  // Close the Problems panel's focus, then put the mouse exactly over "DR" (the summary is one
  // text run in the editor, so the word's box comes from a DOM Range over its characters).
  await page.keyboard.press("Escape");
  const line = page.locator(".monaco-editor .view-line", { hasText: "summary:" }).first();
  await waitVisible(line, "the summary line in the editor", 10_000);
  const box = await line.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.search(/\bDR\b/);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 2);
      const rect = range.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }
    return null;
  });
  if (!box) throw new WaitFailed('no word "DR" in the summary line of the editor');
  await page.mouse.move(box.x - 40, box.y);
  await page.mouse.move(box.x, box.y, { steps: 4 });
  const hover = page.locator(".monaco-hover").filter({ hasText: "direct response" }).filter({ hasText: "disaster recovery" });
  const found = await waitVisible(hover, 'a .monaco-hover containing "direct response" and "disaster recovery" over DR', 15_000, async () => {
    const shown = await page.locator(".monaco-hover").allInnerTexts();
    return clip(shown.length ? shown.map(oneLine).filter(Boolean).join(" | ") || "an empty hover" : "no hover at all");
  });
  return oneLine(await found.innerText());
}

// Opens the preview beside the spec, clicks the security reviewer's name in it, and waits for
// the editor to put the cursor on that line of the YAML (the status bar says "Ln 27").
async function previewRevealsClickedLine(page) {
  await page.keyboard.press("Escape");
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+Shift+P");
  const input = await waitVisible(page.locator(".quick-input-widget input"), "the command palette", 10_000);
  await input.fill(">JointSpec: Open Preview to the Side");
  await waitVisible(page.locator(".quick-input-list .monaco-list-row", { hasText: "Open Preview to the Side" }), "the Open Preview to the Side command", 15_000);
  await page.keyboard.press("Enter");
  // A webview is an iframe in an iframe; the page's own elements are in the inner one.
  const preview = page.frameLocator("iframe.webview.ready").frameLocator("iframe#active-frame");
  await waitVisible(preview.locator("body", { hasText: "Ready to approve?" }), 'the preview showing "Ready to approve?"', 30_000);
  const reviewer = preview.locator("[data-range]", { hasText: "Lars Nilsson" }).last();
  await waitVisible(reviewer, 'the reviewer "Lars Nilsson" in the preview', 10_000);
  await reviewer.click();
  const position = page.locator(".statusbar-item", { hasText: /Ln 27, Col/ });
  await waitVisible(position, 'the status bar at "Ln 27" (the reviewer\'s line) after the click', 15_000, async () => oneLine((await page.locator(".statusbar").innerText()).slice(0, 200)));
  return oneLine(await position.first().innerText());
}

/**
 * Runs the UI checks in a fresh browser context; returns [{ title, ok, message, ms }].
 * `browser` is a launched playwright Browser; `artifactsDir` receives failure screenshots;
 * `shotsDir` the screenshots of passing steps (default docs/images/, for the README).
 */
export async function runUiCheck({ browser, baseUrl, workspace, artifactsDir, shotsDir = SHOTS, log = console.log }) {
  mkdirSync(shotsDir, { recursive: true });
  mkdirSync(artifactsDir, { recursive: true });
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const results = [];
  let blocked; // a failed step that the later ones depend on

  // Runs one check; returns the error when it failed, so a later check can be marked not run.
  async function step(title, shot, fn) {
    const started = Date.now();
    const ms = () => Date.now() - started;
    if (blocked) {
      results.push({ title, ok: false, message: `not run: ${blocked}`, ms: 0 });
      log(`  ✗ ${title}\n      not run: ${blocked}`);
      return;
    }
    try {
      const detail = await fn();
      if (shot) await page.screenshot({ path: join(shotsDir, shot) });
      results.push({ title, ok: true, ms: ms() });
      log(`  ✓ ${title} (${ms()} ms)${detail ? `\n      │ ${clip(detail, 240)}` : ""}${shot ? `\n      │ screenshot ${relative(REPO, join(shotsDir, shot))}` : ""}`);
    } catch (error) {
      const failureShot = join(artifactsDir, `ui-failure-${results.length + 1}.png`);
      await page.screenshot({ path: failureShot }).catch(() => {});
      const message = error instanceof WaitFailed ? error.message : `${error.name}: ${oneLine(error.message).slice(0, 300)}`;
      results.push({ title, ok: false, message, ms: ms() });
      log(`  ✗ ${title} (${ms()} ms)\n      ${message}\n      screenshot of the moment: ${relative(REPO, failureShot)}`);
      return error;
    }
  }

  try {
    const openFailed = await step(`the workbench opens ${SPEC}`, null, () => openSpec(page, baseUrl, workspace));
    if (openFailed) blocked = "the spec could not be opened";
    await step('the Problems panel lists the ambiguous-term finding for "DR"', "problems-panel.png", () => problemsListFinding(page));
    await step('hovering DR shows "direct response" and "disaster recovery"', "glossary-hover.png", () => hoverShowsBothMeanings(page));
    await step("the preview opens to the side, and clicking an item reveals its line", "preview-panel.png", () => previewRevealsClickedLine(page));
  } finally {
    await context.close().catch(() => {});
  }
  return results;
}

// Standalone: node test/ui/check.mjs <baseUrl> [workspace]
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [baseUrl, workspace = join(REPO, "test/integration/workspace")] = process.argv.slice(2);
  if (!baseUrl) {
    console.error("usage: node test/ui/check.mjs http://127.0.0.1:PORT [workspace]  (or run `npm run test:vscode`)");
    process.exit(2);
  }
  const browser = await launchChromium();
  process.once("SIGINT", () => browser.close().finally(() => process.exit(130)));
  try {
    const results = await runUiCheck({ browser, baseUrl, workspace, artifactsDir: join(REPO, ".vscode-test/ui-check") });
    const passed = results.filter((r) => r.ok).length;
    console.log(`${passed} passed, ${results.length - passed} failed`);
    process.exitCode = passed === results.length ? 0 : 1;
  } finally {
    await browser.close();
  }
}
