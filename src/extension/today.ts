// Today's date for the rules that judge dates (an approved security review dated in the
// future) and for a new sign-off: the core has no clock, so the host passes it. The local
// day, as the person at the keyboard sees it; the user setting jointspec.lint.today can pin
// another day, as JOINTSPEC_TODAY does for the CLI (to review a spec as of a given day; the
// real-VS-Code tests pin the day their fixtures are written for).

import * as vscode from "vscode";
import { localDate } from "../core/calendar.js";
import { date as isDate } from "../core/schema/formats.js";

/** The day the rules judge dates against: jointspec.lint.today when it holds a date, else today here. */
export function lintToday(): string {
  const pinned = vscode.workspace.getConfiguration("jointspec").get<string>("lint.today", "").trim();
  return pinned !== "" && isDate(pinned) ? pinned : localDate(new Date());
}
