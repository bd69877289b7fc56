// @ts-check
// UI check in a real VS Code workbench (code-server's VS Code server + headless chromium):
// what a person sees when opening a spec that uses the ambiguous term "DR", and signing a
// ready spec off from its preview, then seeing that sign-off turn stale after a KPI change.
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
import { CACHE, REPO, launchChromium } from "../../scripts/vscode/browser.mjs";
import { buildWorkspace } from "../../scripts/vscode/workspace.mjs";

const SPEC = "lapsed-member-winback.campaign.yaml";
// Ready for sign-off, and signed by nobody yet (test/integration/workspace/).
const READY_SPEC = "autumn-app-launch.campaign.yaml";
const SIGNER = "Dana Reyes";
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
  const found = await waitVisible(row, "a row in .markers-panel containing '\"DR\" means' and 'ambiguous-term'", 30_000, async () => {
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
      const at = (node.textContent ?? "").search(/\bDR\b/);
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
  await waitVisible(
    page.locator(".quick-input-list .monaco-list-row", { hasText: "Open Preview to the Side" }),
    "the Open Preview to the Side command",
    15_000,
  );
  await page.keyboard.press("Enter");
  // A webview is an iframe in an iframe; the page's own elements are in the inner one.
  const preview = page.frameLocator("iframe.webview.ready").frameLocator("iframe#active-frame");
  await waitVisible(preview.locator("body", { hasText: "Ready to approve?" }), 'the preview showing "Ready to approve?"', 30_000);
  const reviewer = preview.locator("[data-range]", { hasText: "Lars Nilsson" }).last();
  await waitVisible(reviewer, 'the reviewer "Lars Nilsson" in the preview', 10_000);
  await reviewer.click();
  const position = page.locator(".statusbar-item", { hasText: /Ln 27, Col/ });
  await waitVisible(position, 'the status bar at "Ln 27" (the reviewer\'s line) after the click', 15_000, async () =>
    oneLine((await page.locator(".statusbar").innerText()).slice(0, 200)),
  );
  return oneLine(await position.first().innerText());
}

// Runs a command from the palette by its title, as a person would.
async function runCommand(page, title) {
  await page.keyboard.press("Control+Shift+P");
  const input = await waitVisible(page.locator(".quick-input-widget input"), "the command palette", 10_000);
  const row = page.locator(".quick-input-list .monaco-list-row", { hasText: title });
  // The palette filters once per keystroke: a command whose "when" clause turns true just after
  // the text was typed (the spec was recognised a moment late) shows only when the text is
  // typed again, as a person would retype it.
  for (let attempt = 1; attempt < 5; attempt++) {
    await input.fill(`>${title}`);
    if (
      await row
        .first()
        .waitFor({ state: "visible", timeout: 3_000 })
        .then(
          () => true,
          () => false,
        )
    )
      break;
    await input.fill(">");
  }
  await waitVisible(row, `the command "${title}"`, 3_000);
  await page.keyboard.press("Enter");
}

// The preview's page inside its webview (an iframe in an iframe).
function previewFrame(page) {
  return page.frameLocator("iframe.webview.ready").frameLocator("iframe#active-frame");
}

// Opens the ready spec alone with its preview beside it, clicks "Sign off for marketing" in the
// webview, types the name into VS Code's input box, confirms the modal, and waits for
// approvals.marketing in the editor's YAML and a current sign-off in the preview.
async function signOffFromPreview(page, shotsDir) {
  await page.keyboard.press("Escape");
  await runCommand(page, "View: Close All Editors");
  await page.keyboard.press("Control+P");
  const quickOpen = await waitVisible(page.locator(".quick-input-widget input"), "the Quick Open box", 10_000);
  await quickOpen.fill(READY_SPEC);
  await waitVisible(page.locator(".quick-input-list .monaco-list-row", { hasText: READY_SPEC }), `${READY_SPEC} in Quick Open`, 30_000);
  await page.keyboard.press("Enter");
  await waitVisible(page.locator(".monaco-editor .view-lines", { hasText: "autumn-app-launch" }), `the editor showing ${READY_SPEC}`, 30_000);
  await runCommand(page, "JointSpec: Open Preview to the Side");
  const preview = previewFrame(page);
  const button = await waitVisible(
    preview.locator("button[data-sign-off=marketing]", { hasText: "Sign off for marketing" }),
    'the "Sign off for marketing" button in the preview',
    30_000,
    async () =>
      clip(
        oneLine(
          await preview
            .locator(".sign-off")
            .first()
            .innerText()
            .catch(() => "no sign-off section"),
        ),
      ),
  );
  await page.screenshot({ path: join(shotsDir, "preview-ready-to-sign.png") });
  await button.click();

  // VS Code's own input box, prefilled from the setting or git: replace whatever it offers.
  const nameBox = page.locator(".quick-input-widget", { hasText: "Who is signing for marketing" });
  const input = (await waitVisible(nameBox, "the input box asking who is signing for marketing", 15_000)).locator("input");
  await input.fill(SIGNER);
  await page.keyboard.press("Enter");

  const dialog = await waitVisible(
    page.locator(".monaco-dialog-box", { hasText: "Autumn app launch" }),
    "the modal showing what is being signed",
    15_000,
    async () =>
      clip(
        oneLine(
          await page
            .locator(".monaco-dialog-box")
            .allInnerTexts()
            .then((t) => t.join(" | ") || "no dialog"),
        ),
      ),
  );
  await page.screenshot({ path: join(shotsDir, "sign-off-dialog.png") });
  await dialog
    .locator(".monaco-button", { hasText: /^Sign off$/ })
    .first()
    .click();

  const current = preview.locator(".approval--marketing.approval--current", { hasText: SIGNER });
  await waitVisible(current, `the preview showing marketing's sign-off by ${SIGNER} as current`, 15_000, async () =>
    clip(oneLine(await preview.locator(".sign-off").first().innerText())),
  );

  // The editor shows only the lines in view: go to the end of the spec, where approvals: goes,
  // and scroll back a little so that the lines before it show too.
  await hidePanel(page);
  await clickEditor(page);
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Home");
  await page
    .locator(".monaco-editor")
    .first()
    .hover({ position: { x: 120, y: 60 } });
  await page.mouse.wheel(0, -300);
  const lines = page.locator(".monaco-editor .view-line");
  await waitVisible(lines.filter({ hasText: /^approvals:/ }), "an approvals: line in the editor's YAML", 15_000, async () =>
    clip(oneLine(await page.locator(".monaco-editor .view-lines").first().innerText())),
  );
  await waitVisible(lines.filter({ hasText: `name: ${SIGNER}` }).last(), `the signer's name under approvals in the editor's YAML`, 10_000);
  await waitVisible(lines.filter({ hasText: "record:" }), "the record of what was signed in the editor's YAML", 10_000);
  await centreSignOff(page);
  const text = oneLine(await page.locator(".monaco-editor .view-lines").first().innerText());
  return `YAML now ends: ${clip(text.slice(text.indexOf("approvals:")), 200)}`;
}

// The Problems panel from the earlier step takes half the screen, the Explorer a quarter: hide
// both for what follows, so the YAML and the preview fit side by side.
async function hidePanel(page) {
  if (
    await page
      .locator(".part.panel")
      .first()
      .isVisible()
      .catch(() => false)
  )
    await page.keyboard.press("Control+J");
  if (
    await page
      .locator(".part.sidebar")
      .first()
      .isVisible()
      .catch(() => false)
  )
    await page.keyboard.press("Control+B");
}

// Scrolls the preview so that its Sign-off part sits in the middle, for the screenshot.
async function centreSignOff(page) {
  await previewFrame(page)
    .locator(".sign-off")
    .first()
    .evaluate((element) => element.scrollIntoView({ block: "center" }));
}

// Puts the focus in the editor near its top left corner, inside what is in view: a click in the
// middle of the lines' element, which is as wide as the longest line and as tall as the file,
// would scroll the editor to reach it.
async function clickEditor(page) {
  await page
    .locator(".monaco-editor")
    .first()
    .click({ position: { x: 120, y: 10 } });
}

// Changes the KPI's target in the editor (12% to 15%) and waits for the preview to show
// marketing's sign-off as stale, naming the target that changed.
async function changeMakesSignOffStale(page) {
  await clickEditor(page);
  await page.keyboard.press("Control+Home");
  const target = page.locator(".monaco-editor .view-line", { hasText: 'target: ">= 12%"' }).first();
  await waitVisible(target, 'the line target: ">= 12%" in the editor', 10_000);
  await target.click({ position: { x: 40, y: 5 } });
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("5");
  await waitVisible(page.locator(".monaco-editor .view-line", { hasText: 'target: ">= 15%"' }), 'the line target: ">= 15%" after typing', 10_000);
  const preview = previewFrame(page);
  const stale = preview.locator(".approval--marketing.approval--stale", { hasText: "target" });
  const found = await waitVisible(stale, "the preview showing marketing's sign-off as stale, naming the target", 15_000, async () =>
    clip(oneLine(await preview.locator(".sign-off").first().innerText())),
  );
  await waitVisible(stale.locator("button[data-sign-off=marketing]", { hasText: "Sign again" }), 'a "Sign again" button beside the stale sign-off', 5_000);
  await centreSignOff(page);
  return oneLine(await found.innerText());
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
      log(
        `  ✓ ${title} (${ms()} ms)${detail ? `\n      │ ${clip(detail, 240)}` : ""}${shot ? `\n      │ screenshot ${relative(REPO, join(shotsDir, shot))}` : ""}`,
      );
    } catch (error) {
      const failureShot = join(artifactsDir, `ui-failure-${results.length + 1}.png`);
      await page.screenshot({ path: failureShot }).catch(() => {});
      const message =
        error instanceof WaitFailed
          ? error.message
          : error instanceof Error
            ? `${error.name}: ${oneLine(error.message).slice(0, 300)}`
            : `thrown: ${oneLine(String(error)).slice(0, 300)}`;
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
    const signFailed = await step(
      '"Sign off for marketing" in the preview asks who signs, confirms, and writes approvals.marketing into the YAML',
      "preview-signed-off.png",
      () => signOffFromPreview(page, shotsDir),
    );
    if (signFailed) blocked = "the sign-off from the preview did not complete";
    await step("changing a KPI target shows the sign-off as stale in the preview, with what changed", "preview-stale-sign-off.png", () =>
      changeMakesSignOffStale(page),
    );
  } finally {
    await context.close().catch(() => {});
  }
  return results;
}

// Standalone: node test/ui/check.mjs <baseUrl> [workspace]; without a workspace, one is built
// as the runner builds it (examples/ and the tests' own files), in .vscode-test/ui-check/.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [baseUrl, workspaceArg] = process.argv.slice(2);
  if (!baseUrl) {
    console.error("usage: node test/ui/check.mjs http://127.0.0.1:PORT [workspace]  (or run `npm run test:vscode`)");
    process.exit(2);
  }
  const workspace = workspaceArg ?? buildWorkspace(join(CACHE, "ui-check/workspace"));
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
