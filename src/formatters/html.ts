// `--format html`: the preview as one self-contained page, for people without VS Code.
// A thin adapter: the page itself is the preview's renderer (src/preview/render/), the
// same one the VS Code panel shows; this file only hands it each report's preview model.

import { renderReportPage, type ReportEntry } from "../preview/render/pages.js";
import type { Formatter } from "./types.js";

/** The report page, from the preview model the host attached to each report. */
export const html: Formatter = (reports, context) => {
  const entries = reports.map((report): ReportEntry => ({ path: report.path, model: report.preview }));
  return renderReportPage(entries, { ...(context.nonce ? { nonce: context.nonce } : {}), toolVersion: context.toolVersion });
};
