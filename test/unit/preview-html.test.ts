// The preview's HTML (src/preview/render/), shared by the VS Code panel and the
// `--format html` report: every string from a spec or a glossary is inert, URLs become links
// only for http, https and mailto, broken specs say what is missing, and the CLI writes
// one self-contained page. Also the typed messages between the panel and its webview.
import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { transformSync } from "esbuild";
import { parseGlossaryFile } from "../../src/core/config.js";
import { Glossary } from "../../src/core/glossary/glossary.js";
import { lintSpec } from "../../src/core/lint.js";
import { html } from "../../src/formatters/html.js";
import { FORMATTERS } from "../../src/formatters/index.js";
import type { FormatContext } from "../../src/formatters/types.js";
import { buildPreviewModel } from "../../src/preview/model/build.js";
import { renderPreviewArticle } from "../../src/preview/render/article.js";
import { escapeHtml, html as markup, safeHref, trusted } from "../../src/preview/render/markup.js";
import { PREVIEW_ASSETS, renderReportPage, renderWebviewPage } from "../../src/preview/render/pages.js";
import { isHostToWebviewMessage, isWebviewToHostMessage, parseRangeAttribute, readPreviewState } from "../../src/preview/webview/messages.js";
import { RUNNERS } from "./helpers/cli.js";
import { FIXTURES, REPO } from "./helpers/fixtures.js";
import { EXAMPLE_CHECKS, exampleModel } from "./helpers/preview.js";
import { templateLiterals } from "./helpers/template-literals.js";

const fixture = (name: string): string => readFileSync(join(FIXTURES, "preview", name), "utf8");

// The tags the renderer writes; anything else in a page came from data and got through.
const OUR_TAGS = new Set(
  "html head meta title style link script body header main nav article section footer div span p h1 h2 h3 h4 ul ol li a strong dfn code table thead tbody tr th td dl dt dd button".split(
    " ",
  ),
);

/** The page with the inline style sheet and script taken out: they are ours, and minified code is not markup. */
function markupOf(page: string): string {
  return page.replace(/(<style[^>]*>)[\s\S]*?(<\/style>)/g, "$1$2").replace(/(<script[^>]*>)[\s\S]*?(<\/script>)/g, "$1$2");
}

function injectionPage(): string {
  const glossary = parseGlossaryFile(fixture("injection.glossary.yaml"), "/home/someone/injection.glossary.yaml");
  ok(glossary.ok);
  const result = lintSpec(fixture("injection.campaign.yaml"), { glossary: Glossary.bundled().extend(glossary.value) });
  return renderReportPage([{ path: "injection.campaign.yaml", model: buildPreviewModel(result, { fileName: "injection.campaign.yaml" }) }], {
    nonce: "abcdefghijklmnop",
    toolVersion: "0.0.0",
  });
}

describe("preview HTML", () => {
  describe("escaping", () => {
    it("escapes text and attribute values", () => {
      strictEqual(escapeHtml(`<a href="x" title='y'>&amp;</a>`), "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
    });

    it("the html tag escapes every value put into it, unless the value is markup already", () => {
      const data = `<img src=x onerror="alert('x')">&amp;`;
      strictEqual(markup`<p title="${data}">${data}</p>`.text, `<p title="${escapeHtml(data)}">${escapeHtml(data)}</p>`);
      // Markup made by the tag stays markup; lists are written one after the other; numbers as
      // written; nothing (undefined) as nothing.
      strictEqual(markup`<ul>${["a<b", "c"].map((item) => markup`<li>${item}</li>`)}</ul>${undefined}${42}`.text, "<ul><li>a&lt;b</li><li>c</li></ul>42");
      strictEqual(markup`${["<i>", markup`<b>`]}`.text, "&lt;i&gt;<b>");
      // Only an explicit trusted() lets a string through as it is.
      strictEqual(markup`${trusted("<b>")}${"<b>"}`.text, "<b>&lt;b&gt;");
      // Markup dropped into a plain template string shows, instead of passing for escaped text.
      strictEqual(`${markup`<b>` as unknown as string}`, "[object Object]");
    });

    it("the renderer builds markup only with the html tag: no untagged template in src/preview/render writes a tag", () => {
      const folder = join(REPO, "src/preview/render");
      const files = readdirSync(folder).filter((name) => name.endsWith(".ts"));
      ok(files.length >= 3, files.join(", "));
      let tagged = 0;
      for (const name of files) {
        for (const template of templateLiterals(readFileSync(join(folder, name), "utf8"))) {
          if (template.tag === "html") tagged++;
          else
            ok(
              !/<[a-zA-Z!/]/.test(template.text),
              `src/preview/render/${name}:${template.line} builds markup in an untagged template: ${template.text.slice(0, 80)}`,
            );
        }
      }
      ok(tagged > 50, `${tagged} html templates found: the scan sees the renderer's templates`);
    });

    it("lets only absolute http, https and mailto URLs become links", () => {
      const allowed: [string, string][] = [
        ["https://example.com/brief", "https://example.com/brief"],
        ["http://example.com", "http://example.com/"],
        ["mailto:team@example.com", "mailto:team@example.com"],
        ['https://example.com/"onmouseover="x', "https://example.com/%22onmouseover=%22x"],
      ];
      for (const [url, href] of allowed) strictEqual(safeHref(url), href, url);
      const refused = [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "command:workbench.action.terminal.new",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "vscode://file/etc/passwd",
        "//evil.example/x",
        "/relative/path",
        "https:evil.example",
        "",
      ];
      for (const url of refused) strictEqual(safeHref(url), undefined, JSON.stringify(url));
    });
  });

  describe("the injection corpus renders as inert text", () => {
    const page = injectionPage();
    const markup = markupOf(page);

    it("has exactly one script element, the page's own, and one closing </script>", () => {
      strictEqual((page.match(/<script\b/gi) ?? []).length, 1);
      strictEqual((page.match(/<\/script/gi) ?? []).length, 1);
      ok(/<script nonce="abcdefghijklmnop">/.test(page));
    });

    it("has no element that data wrote: every tag is one the renderer writes", () => {
      const tags = [...markup.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase());
      deepStrictEqual([...new Set(tags.filter((tag) => !OUR_TAGS.has(tag)))], []);
      strictEqual((markup.match(/<meta\b/g) ?? []).length, 5, "no <meta> from data (such as a refresh)");
      ok(!/<base\b/i.test(markup));
    });

    it("has no event-handler or style attribute in any tag", () => {
      for (const [tag] of markup.matchAll(/<[a-zA-Z][^>]*>/g)) {
        ok(!/\son[a-z]+\s*=/i.test(tag), tag);
        ok(!/\sstyle\s*=/i.test(tag), tag);
        ok(!/\ssrc\s*=/i.test(tag), tag);
      }
    });

    it("links only to the allowed schemes; the other URLs are text", () => {
      const hrefs = [...markup.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!);
      ok(hrefs.length > 0);
      for (const href of hrefs) ok(/^(#|https:\/\/|http:\/\/|mailto:)/.test(href), href);
      ok(!hrefs.some((href) => /javascript|vbscript|data:|command:|file:/i.test(href)));
      strictEqual((markup.match(/not a web or mail link, so not clickable/g) ?? []).length, 9);
      ok(hrefs.includes("https://example.com/%22onmouseover=%22window.__pwned=&#39;href&#39;"), "a quote in a URL is percent-encoded, an apostrophe escaped");
    });

    it("shows hostile values as the text they are, entities included", () => {
      ok(markup.includes("&lt;script&gt;window.__pwned = &#39;title&#39;&lt;/script&gt; Spring sale"));
      ok(markup.includes("&amp;amp; &amp;lt;b&amp;gt;entities&amp;lt;/b&amp;gt; &amp;#60;script&amp;#62;"), "entities are shown, not decoded");
      ok(markup.includes("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;"));
      ok(markup.includes("&lt;script&gt;window.__pwned=&#39;label&#39;&lt;/script&gt;"), "glossary text is escaped too");
      ok(!markup.includes("/home/someone"), "a workspace glossary is named by its file name, never its path");
    });

    it("keeps the inline style sheet and script free of anything that could end them", () => {
      ok(!/<\/style/i.test(PREVIEW_ASSETS.css));
      ok(!/<\/script|<!--/i.test(PREVIEW_ASSETS.script));
    });
  });

  describe("pages and their Content Security Policy", () => {
    it("the report admits its one style sheet and script by nonce and by hash, and nothing else", () => {
      const page = renderReportPage([], { nonce: "n0nce+/=", toolVersion: "1.2.3" });
      const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)![1]!;
      strictEqual(
        csp,
        `default-src 'none'; style-src '${PREVIEW_ASSETS.cssHash}' 'nonce-n0nce+/='; script-src '${PREVIEW_ASSETS.scriptHash}' 'nonce-n0nce+/='; img-src data:; base-uri 'none'; form-action 'none'`,
      );
      ok(page.includes(`<style nonce="n0nce+/=">${PREVIEW_ASSETS.css}</style>`));
      ok(page.includes(`<script nonce="n0nce+/=">${PREVIEW_ASSETS.script}</script>`));
    });

    it("the hashes are those of the inlined texts, and the style sheet is src/preview/webview/preview.css", () => {
      const sha = (text: string): string => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
      strictEqual(PREVIEW_ASSETS.cssHash, sha(PREVIEW_ASSETS.css));
      strictEqual(PREVIEW_ASSETS.scriptHash, sha(PREVIEW_ASSETS.script));
      const css = transformSync(readFileSync(join(REPO, "src/preview/webview/preview.css"), "utf8"), { loader: "css", minify: true }).code.trim();
      strictEqual(PREVIEW_ASSETS.css, css, "run `npm run compile` to regenerate the preview assets");
    });

    it("the panel's page loads only its own files, with the nonce, and remembers which spec it shows", () => {
      const page = renderWebviewPage({
        body: "<article></article>",
        cspSource: "https://webview.example",
        nonce: "abc123abc123abc123",
        styleUri: "https://webview.example/dist/webview/preview.css",
        scriptUri: "https://webview.example/dist/webview/preview.js",
        lens: "technology",
        documentUri: 'file:///specs/"odd".campaign.yaml',
        title: "Preview",
      });
      const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)![1]!;
      ok(csp.startsWith("default-src 'none'; style-src https://webview.example 'nonce-abc123abc123abc123'; script-src 'nonce-abc123abc123abc123';"), csp);
      ok(!csp.includes("unsafe"));
      ok(page.includes('<script nonce="abc123abc123abc123" src="https://webview.example/dist/webview/preview.js" defer></script>'));
      ok(page.includes('<link rel="stylesheet" nonce="abc123abc123abc123" href="https://webview.example/dist/webview/preview.css">'));
      ok(page.includes('data-document-uri="file:///specs/&quot;odd&quot;.campaign.yaml"'));
      ok(page.includes('<html lang="en" data-lens="technology"'));
      ok(page.includes('data-lens-choice="technology" aria-pressed="true"'));
    });
  });

  describe("what the page says", () => {
    it("every example page names its checks with their states, and links its terms to their cards", () => {
      for (const [name, states] of Object.entries(EXAMPLE_CHECKS)) {
        const article = renderPreviewArticle(exampleModel(name).model);
        const shown = [...article.matchAll(/<li class="check check--([a-z-]+)" data-check="([a-z-]+)"/g)].map((m) => m[1]);
        deepStrictEqual(shown, [...states], name);
        for (const [, target] of article.matchAll(/href="#([^"]+)"/g)) ok(article.includes(`id="${target}"`), `${name}: #${target} exists`);
      }
    });

    it("shows what each KPI measures, and which customer, beside its name", () => {
      const article = renderPreviewArticle(exampleModel("black-friday-flash-sale.campaign.yaml").model);
      ok(/data-focus="business"[^>]*>Focus: Business</.test(article), "the revenue KPI measures the business");
      ok(/data-focus="customer"[^>]*>Focus: Customer \(external buyers\)</.test(article), "the error-rate KPI measures what buyers get");
      const partner = renderPreviewArticle(exampleModel("partner-portal-refresh.campaign.yaml").model);
      ok(/>Focus: Customer</.test(partner), "a customer focus that does not say which customer says so plainly");
    });

    it("several specs on one page keep their term ids apart", () => {
      const spring = exampleModel("spring-loyalty-relaunch.campaign.yaml").model;
      const lapsed = exampleModel("lapsed-member-winback.campaign.yaml").model;
      const page = renderReportPage(
        [
          { path: "a", model: spring },
          { path: "b", model: lapsed },
        ],
        { toolVersion: "0" },
      );
      ok(page.includes('id="spec-1-term-dr"') && page.includes('id="spec-2-term-dr"'));
      ok(page.includes('href="#spec-2-term-dr"'));
      const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      deepStrictEqual(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        [],
        "no id twice",
      );
    });

    const SAYS: [string, RegExp[]][] = [
      ["empty.campaign.yaml", [/This spec is empty/, /The spec is empty; start it with jointspec: 1/]],
      ["not-a-map.campaign.yaml", [/map of keys/, /holds a list at the top/]],
      [
        "broken-syntax.campaign.yaml",
        [/The YAML has an error \(line 8\)/, /Autumn catalogue/, /Not checked until the YAML errors are fixed/, /Not read: the YAML error stops the reading/],
      ],
      [
        "bare-minimum.campaign.yaml",
        [
          /Not in the spec yet: summary, owners, KPIs, security review, data, systems, timeline\./,
          /No KPIs in the spec yet/,
          /No security review in the spec yet/,
        ],
      ],
    ];
    for (const [file, patterns] of SAYS) {
      it(`${file}: says what is missing`, () => {
        const article = renderPreviewArticle(buildPreviewModel(lintSpec(fixture(file)), { fileName: file }));
        for (const pattern of patterns) ok(pattern.test(article), `${pattern} in ${article.slice(0, 400)}…`);
      });
    }

    it("an unreadable spec shows no empty sections, only what is wrong", () => {
      const article = renderPreviewArticle(buildPreviewModel(lintSpec(fixture("empty.campaign.yaml"))));
      ok(!/Owners|KPIs|Ready to approve/.test(article), article);
    });
  });

  describe("the html format", () => {
    it("is registered, and the CLI's help names it", async () => {
      strictEqual(FORMATTERS.html, html);
      const { stdout } = await RUNNERS[0].run(["--help"]);
      ok(/html is the preview as one self-contained page/.test(stdout));
    });

    for (const runner of RUNNERS) {
      it(`${runner.name}: lint examples --format html -o report.html writes one page with every spec and a table of contents`, async () => {
        const dir = mkdtempSync(join(tmpdir(), "jointspec-html-"));
        try {
          const file = join(dir, "report.html");
          const run = await runner.run(["lint", "examples", "--format", "html", "-o", file]);
          strictEqual(run.code, 1, "the examples hold errors");
          strictEqual(run.stdout, "");
          const page = readFileSync(file, "utf8");
          strictEqual((page.match(/<article class="spec"/g) ?? []).length, Object.keys(EXAMPLE_CHECKS).length);
          ok(page.includes('<nav class="card toc"'));
          for (const name of Object.keys(EXAMPLE_CHECKS)) ok(page.includes(`examples/${name}`), name);
          const nonce = /script-src '[^']+' 'nonce-([^']+)'/.exec(page)?.[1];
          ok(nonce && nonce.length >= 16, "a fresh nonce");
          ok(!/\b(?:src|href)="(?:https?:)?\/\//.test(markupOf(page).replace(/<a [^>]*>/g, "")), "nothing is loaded from elsewhere");
          ok(!page.includes(REPO), "no local paths in the report");
          const again = await runner.run(["lint", "examples", "--format", "html", "-o", file]);
          strictEqual(again.code, 1);
          ok(readFileSync(file, "utf8").includes("nonce-") && !readFileSync(file, "utf8").includes(`nonce-${nonce}`), "each run has its own nonce");
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }

    it("the formatter alone (no host nonce) still admits its script and style by hash", () => {
      const context: FormatContext = { cwd: REPO, paint: (_s, t) => t, toolVersion: "0", rules: [], failSeverity: "error", maxWarnings: -1 };
      const page = html([{ path: "x.campaign.yaml", findings: [] }], context);
      ok(page.includes(`script-src '${PREVIEW_ASSETS.scriptHash}';`));
      ok(/No preview was made for this file/.test(page));
    });
  });

  describe("messages between the panel and its webview", () => {
    it("the host accepts only the allow-listed messages, exactly shaped", () => {
      const range = { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } };
      ok(isWebviewToHostMessage({ type: "ready" }));
      ok(isWebviewToHostMessage({ type: "reveal", range }));
      const refused: unknown[] = [
        null,
        "ready",
        [],
        { type: "ready", extra: 1 },
        { type: "reveal" },
        { type: "reveal", range, command: "x" },
        { type: "reveal", range: { start: { line: 3, character: 2 }, end: { line: 2, character: 0 } } },
        { type: "reveal", range: { start: { line: 1.5, character: 0 }, end: { line: 2, character: 0 } } },
        { type: "reveal", range: { start: { line: -1, character: 0 }, end: { line: 2, character: 0 } } },
        { type: "reveal", range: { start: { line: 1e9, character: 0 }, end: { line: 1e9, character: 0 } } },
        { type: "reveal", range: { start: { line: 1, character: 0, x: 1 }, end: { line: 2, character: 0 } } },
        { type: "openLink", url: "https://example.com" },
        { type: "executeCommand", command: "workbench.action.terminal.new" },
      ];
      for (const message of refused) strictEqual(isWebviewToHostMessage(message), false, JSON.stringify(message));
    });

    it("the webview accepts only updates with HTML text", () => {
      ok(isHostToWebviewMessage({ type: "update", html: "<p>x</p>" }));
      ok(!isHostToWebviewMessage({ type: "update", html: 1 }));
      ok(!isHostToWebviewMessage({ type: "eval", code: "x" }));
    });

    it("reads data-range attributes and stored state defensively", () => {
      deepStrictEqual(parseRangeAttribute("1,2,3,4"), { start: { line: 1, character: 2 }, end: { line: 3, character: 4 } });
      for (const bad of ["", "1,2,3", "1,2,3,x", "3,0,1,0", "-1,0,0,0", "1,2,3,4,5", null]) strictEqual(parseRangeAttribute(bad), undefined, String(bad));
      deepStrictEqual(readPreviewState({ documentUri: "file:///a.yaml", lens: "technology", scrollY: 120 }), {
        documentUri: "file:///a.yaml",
        lens: "technology",
        scrollY: 120,
      });
      deepStrictEqual(readPreviewState({ documentUri: 1, lens: "sales", scrollY: -5 }), {});
      deepStrictEqual(readPreviewState("junk"), {});
    });
  });
});
