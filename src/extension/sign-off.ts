// Sign-off from the editor: the commands "Sign Off for Marketing / Technology", the preview's
// buttons and the stale-sign-off quick fix all run this one flow. It asks who is signing
// (prefilled from the setting or git), refuses a placeholder or a team, shows what is being
// signed, and writes approvals.<function> as the core's minimal edits in one WorkspaceEdit:
// comments and formatting stay, and one undo takes the sign-off back. The name and the date
// come from here, the host; what is written, and whether the spec is ready, from the core.

import * as vscode from "vscode";
import { signerProblem, signOffEdits } from "../core/sign-off/edits.js";
import { readyToSign, signOffSummary, type SigningFunction } from "../core/sign-off/review.js";
import { toWorkspaceEdit } from "./convert.js";
import type { SpecDiagnostics } from "./diagnostics.js";
import type { Log } from "./log.js";
import { rememberSignerName, suggestedSignerName } from "./signer.js";
import { lintToday } from "./today.js";

export const SIGN_OFF_COMMAND = "jointspec.signOff";
const SIGN_OFF_FOR: Readonly<Record<SigningFunction, string>> = {
  marketing: "jointspec.signOffForMarketing",
  technology: "jointspec.signOffForTechnology",
};
const CONFIRM = "Sign off";

/**
 * The dialogs the flow uses, VS Code's own by default. activate() returns this object, so an
 * integration test can answer the questions and put VS Code's back afterwards: in Node's
 * extension host a test file outside the extension receives its own `vscode` API object
 * (VS Code gives each extension one, found by the requiring file's path), so replacing
 * `vscode.window.showInputBox` in the test would not reach the extension.
 */
export interface SignOffDialogs {
  showInputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  showInformationMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  showWarningMessage(message: string, ...items: string[]): Thenable<string | undefined>;
}

/** VS Code's dialogs, as a fresh object the caller may change. */
function windowDialogs(): SignOffDialogs {
  return {
    showInputBox: (options) => vscode.window.showInputBox(options),
    showInformationMessage: (message, options, ...items) => vscode.window.showInformationMessage(message, options, ...items),
    showWarningMessage: (message, ...items) => vscode.window.showWarningMessage(message, ...items),
  };
}

/** How a sign-off ended, for callers (and the integration tests) to tell. */
export type SignOffResult =
  | { outcome: "signed"; name: string; date: string }
  | { outcome: "cancelled" }
  /** The spec is not ready for this function, or is no spec, or the name is not a person's: `reasons` say why. */
  | { outcome: "refused"; reasons: string[] };

/** Registers jointspec.signOff(function, uri?) and the two palette commands; returns the dialogs they use. */
export function registerSignOff(context: vscode.ExtensionContext, diagnostics: SpecDiagnostics, log: Log): SignOffDialogs {
  const dialogs = windowDialogs();
  const run = (side: unknown, uri: unknown): Promise<SignOffResult> => {
    if (side !== "marketing" && side !== "technology")
      return Promise.resolve(refuse(dialogs, ["name the function that signs: marketing or technology"], undefined));
    return signOff(side, uri instanceof vscode.Uri ? uri : undefined, { diagnostics, log, dialogs });
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(SIGN_OFF_COMMAND, run),
    // From the palette or a menu: a menu passes the clicked file's URI.
    ...(["marketing", "technology"] as const).map((side) => vscode.commands.registerCommand(SIGN_OFF_FOR[side], (uri?: unknown) => run(side, uri))),
  );
  return dialogs;
}

/** What the flow works with: the linted documents, the log, and the dialogs to ask through. */
export interface SignOffHost {
  diagnostics: SpecDiagnostics;
  log: Log;
  dialogs: SignOffDialogs;
}

/** Signs `uri` (default: the active editor's spec) off for `side`, asking who signs and confirming first. */
async function signOff(side: SigningFunction, uri: vscode.Uri | undefined, { diagnostics, log, dialogs }: SignOffHost): Promise<SignOffResult> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) return refuse(dialogs, ["open a campaign spec first"], side);
  const document = await vscode.workspace.openTextDocument(target);
  const lint = await diagnostics.ensure(document);
  if (!lint) return refuse(dialogs, [`${vscode.workspace.asRelativePath(target)} is not a JointSpec spec`], side);

  const readiness = readyToSign(lint.result);
  if (!readiness.ready) return refuse(dialogs, readiness.reasons, side);

  const name = await dialogs.showInputBox({
    title: `Sign off for ${side}`,
    prompt: `Who is signing for ${side}? Your name goes into the spec, with today's date.`,
    placeHolder: "Your full name",
    value: await suggestedSignerName(target),
    ignoreFocusOut: true,
    // The core's person check: the same one the CLI applies to --name.
    validateInput: (value) => signerProblem(value.trim()),
  });
  if (name === undefined) return { outcome: "cancelled" };
  const problem = signerProblem(name.trim());
  if (problem) return refuse(dialogs, [problem], side);
  // Dated the day the rules judge dates against: today, unless jointspec.lint.today pins another.
  const signer = { name: name.trim(), date: lintToday() };

  const { message, detail } = confirmation(lint.result.analysis.spec ?? {}, side, signer);
  const choice = await dialogs.showInformationMessage(message, { modal: true, detail }, CONFIRM);
  if (choice !== CONFIRM) return { outcome: "cancelled" };

  // The text as it is now: it may have changed while the dialogs were open.
  const edits = signOffEdits(document.getText(), side, signer);
  if ("error" in edits) return refuse(dialogs, [edits.error], side);
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, edits.edits)))) {
    return refuse(dialogs, ["VS Code did not apply the edit; the document may be read-only"], side);
  }
  await rememberSignerName(signer.name).catch((error: unknown) => log.warn(`Sign-off: could not remember the signer's name in the settings: ${String(error)}`));
  log.info(`Signed ${document.uri.toString()} off for ${side} as ${signer.name} on ${signer.date}.`);
  void dialogs.showInformationMessage(
    `Signed off for ${side} as ${signer.name} on ${signer.date}.${document.isUntitled ? "" : " Save the spec to keep it."}`,
    {},
  );
  return { outcome: "signed", ...signer };
}

// The modal's question and what it shows: the core's summary of what a sign-off covers (the
// CLI prints the same lines), so both hosts say alike what is being signed.
function confirmation(
  spec: Readonly<Record<string, unknown>>,
  side: SigningFunction,
  signer: { name: string; date: string },
): { message: string; detail: string } {
  const lines = signOffSummary(spec);
  const title = lines.find((line) => line.label === "Title")?.text ?? "this spec";
  const facts = lines.filter((line) => line.label !== "Title").map((line) => `${line.label}: ${line.text}`);
  const closing = `Signed as ${signer.name} on ${signer.date}. A later change to any of this marks the sign-off stale.`;
  return { message: `Sign off “${title}” for ${side}?`, detail: [...facts, "", closing].join("\n") };
}

function refuse(dialogs: SignOffDialogs, reasons: string[], side: SigningFunction | undefined): SignOffResult {
  // The core's reasons are sentences; the host's own are phrases: each is shown as one.
  const sentences = reasons.map((reason) => (/[.!?]$/.test(reason) ? reason : `${reason}.`));
  void dialogs.showWarningMessage(`JointSpec cannot sign off${side ? ` for ${side}` : ""}: ${sentences.join(" ")}`);
  return { outcome: "refused", reasons };
}
