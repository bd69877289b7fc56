// @ts-check
// Renders media/icon.svg to media/icon.png (128×128, as the Marketplace wants) with headless
// Chromium. Run by hand after changing the SVG: node scripts/render-icon.mjs
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const root = fileURLToPath(new URL("..", import.meta.url));
const svg = readFileSync(`${root}media/icon.svg`, "utf8");
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator("svg").screenshot({ path: `${root}media/icon.png`, omitBackground: true });
await browser.close();
