// The preview in a real browser (headless Debian chromium through playwright-core): the
// report the CLI writes for the examples loads without console errors, CSP violations or
// requests beyond itself; its checklists show the examples' passes and failures; the lens
// switch changes how "DR" is explained and is remembered; hostile specs run no script; and
// the page script does its panel work (reveal on click, live updates that keep the scroll,
// state) against a stand-in for VS Code's webview API. Screenshots of both lenses and of the
// dark theme go to out/screenshots/, or to docs/images/ for the README when
// JOINTSPEC_UPDATE_SCREENSHOTS=1 (so a test run leaves the committed images alone).
//
// Chromium is part of this machine's setup (scripts/vscode/setup.sh): when it is missing the
// suite fails and says so; it never skips.
import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { parseGlossaryFile } from "../../src/core/config.js";
import { Glossary } from "../../src/core/glossary/glossary.js";
import { lintSpec } from "../../src/core/lint.js";
import { buildPreviewModel } from "../../src/preview/model/build.js";
import { renderPreviewArticle } from "../../src/preview/render/article.js";
import { renderReportPage, renderWebviewPage } from "../../src/preview/render/pages.js";
import type { PreviewState, WebviewToHostMessage } from "../../src/preview/webview/messages.js";
import { runBin } from "./helpers/cli.js";
import { FIXTURES, REPO } from "./helpers/fixtures.js";
import { CHECK_ORDER, EXAMPLE_CHECKS, exampleModel } from "./helpers/preview.js";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
const SCREENSHOTS = join(REPO, process.env.JOINTSPEC_UPDATE_SCREENSHOTS === "1" ? "docs/images" : "out/screenshots");
const WIDTH = 1200;

interface Watched {
  page: Page;
  context: BrowserContext;
  /** Console errors and warnings, page errors, CSP violations and requests that left the file. */
  problems: string[];
}

declare global {
  interface Window {
    __cspViolations?: string[];
    __pwned?: unknown;
    __posted?: WebviewToHostMessage[];
    __state?: unknown;
  }
}

describe("preview in a browser", function () {
  this.timeout(120_000);
  let browser: Browser;
  let dir: string;
  let reportUrl: string;

  before(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing, so the preview cannot be checked in a browser. Install Debian's chromium package (scripts/vscode/setup.sh does); this test does not skip.`,
      );
    }
    dir = mkdtempSync(join(tmpdir(), "jointspec-preview-"));
    const report = join(dir, "report.html");
    const run = runBin(["lint", "examples", "--format", "html", "-o", report]);
    strictEqual(run.code, 1, `the examples hold errors; stderr: ${run.stderr}`);
    reportUrl = pathToFileURL(report).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Opens `url` in a fresh context and records everything that would mean the page is unwell.
  async function open(url: string, options: { colorScheme?: "light" | "dark"; height?: number; init?: () => void } = {}): Promise<Watched> {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: options.height ?? 900 }, colorScheme: options.colorScheme ?? "light" });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("dialog", (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on("request", (request) => {
      if (!request.url().startsWith("file:")) problems.push(`request to ${request.url()}`);
    });
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (event) =>
        window.__cspViolations!.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`),
      );
    });
    if (options.init) await page.addInitScript(options.init);
    await page.goto(url, { waitUntil: "load" });
    return { page, context, problems };
  }

  async function assertHealthy({ page, problems }: Watched): Promise<void> {
    deepStrictEqual(await page.evaluate(() => window.__cspViolations), [], "no CSP violations");
    deepStrictEqual(problems, [], "no console errors, page errors, dialogs or outside requests");
  }

  // The article of an example, found by the file path the report shows for it.
  async function articleId(page: Page, name: string): Promise<string> {
    const id = await page.evaluate(
      (path) => [...document.querySelectorAll("article.spec")].find((a) => a.querySelector(".eyebrow")?.textContent?.includes(path))?.id,
      `examples/${name}`,
    );
    ok(id, `an article for ${name}`);
    return id;
  }

  // The meaning the reader sees first in a term card: the left one of the two, as laid out.
  async function firstMeaning(page: Page, termId: string): Promise<string> {
    return page.evaluate((id) => {
      const meanings = [...document.querySelectorAll(`#${id} .meaning`)] as HTMLElement[];
      meanings.sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left || a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      return meanings[0]?.innerText ?? "";
    }, termId);
  }

  async function screenshot(page: Page, name: string, articleSelector: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.setViewportSize({ width: WIDTH, height: 2150 });
    await page.evaluate((selector) => {
      const article = document.querySelector(selector)!;
      window.scrollTo(0, article.getBoundingClientRect().top + window.scrollY - 60);
    }, articleSelector);
    const file = join(SCREENSHOTS, name);
    await page.screenshot({ path: file });
    strictEqual(readFileSync(file).readUInt32BE(16), WIDTH, `${name} is ${WIDTH} px wide`);
  }

  describe("the examples report", () => {
    it("loads with no console errors, no CSP violations and no requests beyond the file, in both lenses", async () => {
      const watched = await open(reportUrl);
      await watched.page.click('[data-lens-choice="technology"]');
      await watched.page.click('[data-lens-choice="marketing"]');
      await watched.page.click('a[href="#spec-2"]');
      await assertHealthy(watched);
      // The inline script ran: the page's script is what makes the lens buttons work.
      strictEqual(await watched.page.getAttribute('[data-lens-choice="marketing"]', "aria-pressed"), "true");
      // No extension stands behind a report: it shows sign-offs, with no button to sign.
      strictEqual(await watched.page.locator("button[data-sign-off]").count(), 0);
      await watched.context.close();
    });

    it("shows each example's checklist passes and failures", async () => {
      const watched = await open(reportUrl);
      for (const [name, states] of Object.entries(EXAMPLE_CHECKS)) {
        const id = await articleId(watched.page, name);
        const shown = await watched.page.$$eval(`#${id} .check`, (items) =>
          items.map((item) => [item.getAttribute("data-check"), /check--([a-z-]+)/.exec(item.className)?.[1], item.querySelector(".check-icon")?.textContent]),
        );
        const icons: Record<string, string> = { passed: "✓", failed: "✗", "not-applicable": "–" };
        deepStrictEqual(
          shown,
          CHECK_ORDER.map((check, i) => [check, states[i], icons[states[i]!]]),
          name,
        );
      }
      const blackFriday = await articleId(watched.page, "black-friday-flash-sale.campaign.yaml");
      const owners = await watched.page.innerText(`#${blackFriday} [data-check="owners-both-functions"]`);
      ok(/Named owners on both sides/.test(owners) && /To fix/.test(owners) && /TBD/.test(owners), owners);
      await assertHealthy(watched);
      await watched.context.close();
    });

    it("explains DR in the reader's vocabulary first, switches with the lens, and remembers the choice", async () => {
      const watched = await open(reportUrl);
      const { page } = watched;
      const lapsed = await articleId(page, "lapsed-member-winback.campaign.yaml");
      const dr = `${lapsed}-term-dr`;
      const marketingFirst = await firstMeaning(page, dr);
      ok(/How you read it \(marketing\)/.test(marketingFirst) && /direct response/.test(marketingFirst), marketingFirst);
      await screenshot(page, "preview-marketing.png", `#${lapsed}`);

      await page.click('[data-lens-choice="technology"]');
      const technologyFirst = await firstMeaning(page, dr);
      ok(/How you read it \(technology\)/.test(technologyFirst) && /disaster recovery/.test(technologyFirst), technologyFirst);
      ok((await page.innerText(`#${dr}`)).includes("How marketing reads it"));
      strictEqual(await page.getAttribute('[data-lens-choice="technology"]', "aria-pressed"), "true");
      await screenshot(page, "preview-technology.png", `#${lapsed}`);

      await page.reload({ waitUntil: "load" });
      strictEqual(await page.getAttribute("html", "data-lens"), "technology", "the lens survives a reload (localStorage)");
      ok(/disaster recovery/.test(await firstMeaning(page, dr)));
      await assertHealthy(watched);
      await watched.context.close();
    });

    it("follows a dark system theme", async () => {
      const watched = await open(reportUrl, { colorScheme: "dark" });
      const { page } = watched;
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
      ok(r! + g! + b! < 150, `a dark background, not ${background}`);
      await screenshot(page, "preview-dark.png", `#${await articleId(page, "black-friday-flash-sale.campaign.yaml")}`);
      await assertHealthy(watched);
      await watched.context.close();
    });
  });

  it("runs nothing from a hostile spec or glossary", async () => {
    const glossary = parseGlossaryFile(readFileSync(join(FIXTURES, "preview/injection.glossary.yaml"), "utf8"), "injection.glossary.yaml");
    ok(glossary.ok);
    const result = lintSpec(readFileSync(join(FIXTURES, "preview/injection.campaign.yaml"), "utf8"), { glossary: Glossary.bundled().extend(glossary.value) });
    const file = join(dir, "injection.html");
    writeFileSync(
      file,
      renderReportPage([{ path: "injection.campaign.yaml", model: buildPreviewModel(result) }], { nonce: "injection-test-nonce-1", toolVersion: "0" }),
    );
    const watched = await open(pathToFileURL(file).href);
    const { page } = watched;
    // Hover, click and focus everything: handlers written by data would fire now.
    await page.evaluate(() => {
      document.addEventListener("click", (event) => event.preventDefault(), true);
      for (const element of document.querySelectorAll("article *")) {
        for (const type of ["mouseover", "mouseenter", "mousedown", "mouseup", "click", "focus", "load", "error"])
          element.dispatchEvent(new Event(type, { bubbles: true }));
      }
    });
    await page.click('[data-lens-choice="technology"]');
    const found = await page.evaluate(() => ({
      pwned: window.__pwned,
      scripts: document.scripts.length,
      handlers: [...document.querySelectorAll("*")].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
      ),
      hrefs: [...document.querySelectorAll("a[href]")].map((a) => new URL((a as HTMLAnchorElement).href).protocol),
      foreign: [...document.querySelectorAll("img, svg, iframe, base, marquee, object, embed, form, input, b")].map((el) => el.tagName),
      title: document.querySelector("h1")?.textContent,
    }));
    strictEqual(found.pwned, undefined);
    strictEqual(found.scripts, 1);
    deepStrictEqual(found.handlers, []);
    deepStrictEqual(
      [...new Set(found.hrefs)].filter((p) => !["file:", "https:", "mailto:"].includes(p)),
      [],
    );
    deepStrictEqual(found.foreign, []);
    strictEqual(found.title, "<script>window.__pwned = 'title'</script> Spring sale");
    await assertHealthy(watched);
    await watched.context.close();
  });

  describe("the page script in the panel (with a stand-in for VS Code's webview API)", () => {
    // The panel's page as the extension renders it, loading the built dist/webview/preview.css
    // and preview.js from disk instead of from the webview's resource origin.
    function panelPage(body = renderPreviewArticle(exampleModel("black-friday-flash-sale.campaign.yaml").model, { actions: true })): string {
      const file = join(dir, "panel.html");
      writeFileSync(
        file,
        renderWebviewPage({
          body,
          cspSource: "file:",
          nonce: "panel-test-nonce-123456",
          styleUri: pathToFileURL(join(REPO, "dist/webview/preview.css")).href,
          scriptUri: pathToFileURL(join(REPO, "dist/webview/preview.js")).href,
          lens: "marketing",
          documentUri: "file:///work/black-friday-flash-sale.campaign.yaml",
          title: "Preview",
        }),
      );
      return pathToFileURL(file).href;
    }

    function withVsCodeApi(state: unknown): () => void {
      return new Function(`
        window.__posted = [];
        window.__state = ${JSON.stringify(state)};
        window.acquireVsCodeApi = () => ({
          postMessage: (message) => window.__posted.push(message),
          getState: () => window.__state,
          setState: (next) => { window.__state = next; },
        });
      `) as () => void;
    }

    it("says it is ready, reveals a clicked item's source, and leaves links alone", async () => {
      const watched = await open(panelPage(), { init: withVsCodeApi(undefined) });
      const { page } = watched;
      await page.waitForFunction(() => (window.__posted ?? []).length > 0);
      deepStrictEqual(await page.evaluate(() => window.__posted), [{ type: "ready" }]);
      const range = (await page.getAttribute('[data-check="owners-both-functions"]', "data-range"))!.split(",").map(Number);
      await page.click('[data-check="owners-both-functions"] .check-title strong');
      // A link click must not reveal anything (navigation is stopped here: there is no mail client).
      await page.evaluate(() => document.addEventListener("click", (event) => event.preventDefault(), true));
      await page.click('.person a[href^="mailto:"]');
      const posted = await page.evaluate(() => window.__posted);
      deepStrictEqual(posted, [
        { type: "ready" },
        { type: "reveal", range: { start: { line: range[0], character: range[1] }, end: { line: range[2], character: range[3] } } },
      ]);
      strictEqual(await page.getAttribute('[data-check="owners-both-functions"]', "tabindex"), "0", "items are reachable from the keyboard");
      await assertHealthy(watched);
      await watched.context.close();
    });

    it("replaces the content on update, keeps the scroll position, ignores malformed messages, and keeps the lens in the state", async () => {
      const watched = await open(panelPage(), { init: withVsCodeApi(undefined), height: 600 });
      const { page } = watched;
      await page.waitForFunction(() => (window.__posted ?? []).length > 0);
      await page.evaluate(() => window.scrollTo(0, 700));
      const updated = renderPreviewArticle(exampleModel("spring-loyalty-relaunch.campaign.yaml").model);
      await page.evaluate((html) => {
        window.postMessage({ type: "update", html: 42 }, "*");
        window.postMessage({ type: "eval", code: "window.__pwned = 1" }, "*");
        window.postMessage({ type: "update", html }, "*");
      }, updated);
      await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Spring loyalty relaunch");
      strictEqual(await page.evaluate(() => window.scrollY), 700);
      strictEqual(await page.evaluate(() => window.__pwned), undefined);

      await page.click('[data-lens-choice="technology"]');
      const state = (await page.evaluate(() => window.__state)) as PreviewState;
      deepStrictEqual(
        { lens: state.lens, documentUri: state.documentUri },
        { lens: "technology", documentUri: "file:///work/black-friday-flash-sale.campaign.yaml" },
      );
      await assertHealthy(watched);
      await watched.context.close();
    });

    it("passes a click on a sign-off button to the host, and nothing else for it", async () => {
      const ready = buildPreviewModel(lintSpec(readFileSync(join(FIXTURES, "preview/ready-to-sign.campaign.yaml"), "utf8")));
      const watched = await open(panelPage(renderPreviewArticle(ready, { actions: true })), { init: withVsCodeApi(undefined) });
      const { page } = watched;
      await page.waitForFunction(() => (window.__posted ?? []).length > 0);
      await page.click('button[data-sign-off="technology"]');
      await page.click('button[data-sign-off="marketing"]');
      deepStrictEqual(await page.evaluate(() => window.__posted), [
        { type: "ready" },
        { type: "signOff", function: "technology" },
        { type: "signOff", function: "marketing" },
      ]);
      await assertHealthy(watched);
      await watched.context.close();
    });

    it("restores the lens and scroll position from the state after a reload", async () => {
      const state: PreviewState = { documentUri: "file:///work/black-friday-flash-sale.campaign.yaml", lens: "technology", scrollY: 300 };
      const watched = await open(panelPage(), { init: withVsCodeApi(state), height: 600 });
      const { page } = watched;
      await page.waitForFunction(() => (window.__posted ?? []).length > 0);
      strictEqual(await page.getAttribute("html", "data-lens"), "technology");
      strictEqual(await page.evaluate(() => window.scrollY), 300);
      await assertHealthy(watched);
      await watched.context.close();
    });
  });
});
