// The preview's sign-off part (src/preview/): the review state of each function's sign-off
// (none, current, stale with what changed, written by hand without a record) in the model
// and on the page; the "Sign-offs still current" check; the sign-off buttons, which only the
// panel's page carries and only when the spec is ready for that function; and the message
// the buttons send.
import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyTextEdits } from "../../src/core/fixes/apply.js";
import { lintSpec } from "../../src/core/lint.js";
import { signOffEdits } from "../../src/core/sign-off/edits.js";
import { buildPreviewModel } from "../../src/preview/model/build.js";
import type { PreviewModel } from "../../src/preview/model/types.js";
import { renderPreviewArticle } from "../../src/preview/render/article.js";
import { escapeHtml } from "../../src/preview/render/markup.js";
import { renderReportPage } from "../../src/preview/render/pages.js";
import { isWebviewToHostMessage } from "../../src/preview/webview/messages.js";
import { FIXTURES } from "./helpers/fixtures.js";

const READY = readFileSync(join(FIXTURES, "preview", "ready-to-sign.campaign.yaml"), "utf8");
const NOT_READY = readFileSync(join(FIXTURES, "preview", "waived-owner.campaign.yaml"), "utf8");

const modelOf = (text: string): PreviewModel => buildPreviewModel(lintSpec(text));
const checkOf = (model: PreviewModel) => model.readiness.find((check) => check.ruleId === "stale-sign-off")!;

// The text after `side` signs it as `name` on `date`, through the core's own edits.
function signed(text: string, side: "marketing" | "technology", name: string, date = "2026-11-20"): string {
  const result = signOffEdits(text, side, { name, date });
  ok("edits" in result, "error" in result ? result.error : "");
  return applyTextEdits(text, result.edits);
}

const buttons = (html: string): string[] =>
  [...html.matchAll(/<button type="button" class="sign-off-button[^"]*" data-sign-off="([a-z]+)">([^<]+)<\/button>/g)].map((m) => `${m[1]}:${m[2]}`);

describe("preview: sign-off and review state", () => {
  describe("model", () => {
    it("a spec nobody signed: both missing, both may sign, and the stale check waits", () => {
      const model = modelOf(READY);
      for (const side of ["marketing", "technology"] as const) {
        const approval = model.approvals[side];
        deepStrictEqual([approval.signed, approval.state, approval.canSign, approval.notReady, approval.changes], [false, "missing", true, [], []], side);
      }
      deepStrictEqual([checkOf(model).state, checkOf(model).detail], ["not-applicable", "Nobody has signed yet."]);
    });

    it("a fresh sign-off is current; a formatting-only edit keeps it current", () => {
      const text = signed(READY, "marketing", "Dana Reyes");
      const model = modelOf(text);
      deepStrictEqual(
        [model.approvals.marketing.state, model.approvals.marketing.name?.text, model.approvals.marketing.date?.text],
        ["current", "Dana Reyes", "20 Nov 2026"],
      );
      strictEqual(model.approvals.technology.state, "missing");
      strictEqual(checkOf(model).state, "passed");
      ok(/Marketing signed what the spec says now/.test(checkOf(model).detail), checkOf(model).detail);

      const reworded = text.replace("title: Autumn app launch", "title: Autumn launch of the app").replace("# the app is new: nobody uses it yet", "# new app");
      strictEqual(modelOf(reworded).approvals.marketing.state, "current", "editorial changes do not make it stale");
    });

    it("a changed KPI target makes it stale, names the change, and fails the check with the rule's finding", () => {
      const text = signed(READY, "marketing", "Dana Reyes").replace('target: ">= 12%"', 'target: ">= 15%"');
      const model = modelOf(text);
      const approval = model.approvals.marketing;
      strictEqual(approval.state, "stale");
      ok(
        approval.changes.some((change) => /target/.test(change) && /app-activation-rate/.test(change)),
        JSON.stringify(approval.changes),
      );
      strictEqual(approval.canSign, true, "a ready spec may be signed again");
      const check = checkOf(model);
      strictEqual(check.state, "failed");
      ok(check.findings.length > 0 && check.findings.every((f) => f.ruleId === "stale-sign-off"));
      // One home per finding: the checklist holds it, the approval item does not repeat it.
      deepStrictEqual(
        approval.findings.filter((f) => f.ruleId === "stale-sign-off"),
        [],
      );
    });

    it("a sign-off written by hand, without a record, is unrecorded", () => {
      const text = `${READY}approvals:\n  marketing: { name: Dana Reyes, date: 2026-11-20 }\n`;
      const model = modelOf(text);
      deepStrictEqual([model.approvals.marketing.signed, model.approvals.marketing.state], [true, "unrecorded"]);
    });

    it("a spec that is not ready says why, per function, and offers no button", () => {
      const model = modelOf(NOT_READY);
      for (const side of ["marketing", "technology"] as const) {
        strictEqual(model.approvals[side].canSign, false, side);
        ok(model.approvals[side].notReady.length > 0, `${side} says why`);
      }
      const html = renderPreviewArticle(model, { actions: true });
      deepStrictEqual(buttons(html), []);
      strictEqual(html.split("Not ready to sign yet:").length, 2, "the reasons are said once, for both functions");
      for (const reason of model.approvals.marketing.notReady) ok(html.includes(`<li>${escapeHtml(reason)}</li>`), reason);
    });

    it("a spec with YAML errors judges nothing", () => {
      const model = modelOf(`${READY}owners: [\n`);
      strictEqual(model.readability, "partial");
      deepStrictEqual([model.approvals.marketing.canSign, model.approvals.marketing.notReady, checkOf(model).state], [false, [], "not-checked"]);
    });
  });

  describe("page", () => {
    it("the panel's page offers a button per function that may sign; the report shows none", () => {
      const model = modelOf(READY);
      deepStrictEqual(buttons(renderPreviewArticle(model, { actions: true })), ["marketing:Sign off for marketing", "technology:Sign off for technology"]);
      const report = renderReportPage([{ path: "ready-to-sign.campaign.yaml", model }], { toolVersion: "0" });
      deepStrictEqual(buttons(report), []);
      ok(
        !/<[^>]*data-sign-off/.test(report.replace(/<script[^>]*>[\s\S]*?<\/script>/g, "")),
        "no element carries data-sign-off (the inline script names it, to find buttons)",
      );
    });

    it("a current sign-off shows who and when, and no button; a stale one shows what changed and Sign again", () => {
      const text = signed(signed(READY, "marketing", "Dana Reyes"), "technology", "Sam Patel", "2026-11-21");
      const current = renderPreviewArticle(modelOf(text), { actions: true });
      deepStrictEqual(buttons(current), []);
      ok(current.includes('Dana Reyes <span class="badge badge--current">Current</span></span><span class="muted">20 Nov 2026</span>'), current);

      const stale = renderPreviewArticle(modelOf(text.replace("  - name: member id", "  - name: member id and email")), { actions: true });
      deepStrictEqual(buttons(stale), ["marketing:Sign again", "technology:Sign again"]);
      ok(/approval--marketing approval--stale/.test(stale));
      ok(/Changed since this sign-off:<\/p><ul class="sign-off-changes"><li>[^<]*data/.test(stale), "names the data that changed");
      const report = renderReportPage([{ path: "x.campaign.yaml", model: modelOf(text.replace("  - name: member id", "  - name: member id and email")) }], {
        toolVersion: "0",
      });
      ok(/badge--stale/.test(report) && /Changed since this sign-off/.test(report), "the report shows the same state");
      deepStrictEqual(buttons(report), []);
    });
  });

  it("the host accepts a sign-off message only for a known function, exactly shaped", () => {
    ok(isWebviewToHostMessage({ type: "signOff", function: "marketing" }));
    ok(isWebviewToHostMessage({ type: "signOff", function: "technology" }));
    for (const message of [
      { type: "signOff" },
      { type: "signOff", function: "finance" },
      { type: "signOff", function: "marketing", name: "Eve" },
      { type: "signOff", function: ["marketing"] },
    ]) {
      strictEqual(isWebviewToHostMessage(message), false, JSON.stringify(message));
    }
  });
});
