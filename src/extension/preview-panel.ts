// The preview panel: a spec as marketers read it, beside (or instead of) the YAML. The
// preview's model and renderer (src/preview/) build the page, the same one `jointspec lint
// --format html` writes; this file only hosts it. It follows edits as they happen, reveals
// the source of any item clicked, and comes back after a window reload.
//
// The webview is locked down: CSP default-src 'none', the style sheet and script only from
// dist/webview/ with a fresh nonce per page, no command URIs, and every message
// from it checked against the typed allow-list in src/preview/webview/messages.ts.

import { newNonce } from "./nonce.js";
import * as vscode from "vscode";
import { buildPreviewModel } from "../preview/model/build.js";
import type { PreviewModel } from "../preview/model/types.js";
import { renderPreviewArticle, renderPreviewMessage } from "../preview/render/article.js";
import { renderWebviewPage } from "../preview/render/pages.js";
import { isWebviewToHostMessage, readPreviewState, type HostToWebviewMessage, type Lens, type MessageRange } from "../preview/webview/messages.js";
import type { SpecDiagnostics } from "./diagnostics.js";
import type { Log } from "./log.js";
import { SIGN_OFF_COMMAND } from "./sign-off.js";

/** The webview panel type; package.json's activation event onWebviewPanel names it too. */
const PREVIEW_VIEW_TYPE = "jointspec.preview";

/**
 * Context key: the paths of open documents known to be specs, for menus' `resourcePath in`
 * clauses. Paths, not URIs: the workbench's `resource` and the extension host's URI strings
 * differ in a remote window (the UI check found the commands missing from the palette).
 */
const SPEC_FILES_CONTEXT_KEY = "jointspec.specPaths";

const OPEN_PREVIEW_COMMAND = "jointspec.openPreview";
const OPEN_PREVIEW_TO_SIDE_COMMAND = "jointspec.openPreviewToSide";

// Long enough to let a burst of keystrokes settle, short enough to feel live.
const UPDATE_DELAY_MS = 300;

/** What a preview shows now; for the integration tests. */
export interface PreviewSnapshot {
  documentUri: string;
  /** The model of the last render; undefined when the page shows a message instead. */
  model: PreviewModel | undefined;
  /** The HTML fragment the page shows. */
  body: string;
  /** The whole page last given to the webview (its CSP, nonce and resource links). */
  page: string;
  /** How many times the content changed since the panel opened. */
  renders: number;
  visible: boolean;
}

/** The previews, for activate() and the integration tests. */
export interface PreviewController extends vscode.Disposable {
  /** Opens the preview of `uri` (default: the active editor's spec), or reveals the one already open. */
  open(uri?: vscode.Uri, options?: { toSide?: boolean }): Promise<boolean>;
  /** What the preview of `uri` shows now, if one is open. */
  snapshot(uri: vscode.Uri): PreviewSnapshot | undefined;
  /** Hands `message` to the preview of `uri` as if its webview had sent it; false when rejected. */
  receive(uri: vscode.Uri, message: unknown): Promise<boolean>;
}

/** Registers the preview commands, the panel serializer and the spec context key; returns the controller. */
export function registerPreview(context: vscode.ExtensionContext, diagnostics: SpecDiagnostics, log: Log): PreviewController {
  const controller = new PreviewManager(context.extensionUri, diagnostics, log);
  context.subscriptions.push(
    controller,
    vscode.commands.registerCommand(OPEN_PREVIEW_COMMAND, (uri?: unknown) => controller.open(asUri(uri), { toSide: false })),
    vscode.commands.registerCommand(OPEN_PREVIEW_TO_SIDE_COMMAND, (uri?: unknown) => controller.open(asUri(uri), { toSide: true })),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, controller),
  );
  return controller;
}

class PreviewManager implements PreviewController, vscode.WebviewPanelSerializer {
  private readonly previews = new Map<string, SpecPreview>();
  private readonly specFiles = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly diagnostics: SpecDiagnostics,
    private readonly log: Log,
  ) {
    this.subscriptions = [
      // A fresh lint is the best moment to update; typing also schedules one, in case linting on type is off.
      diagnostics.onDidUpdate((uri) => {
        this.updateSpecFiles(uri);
        // A document that was just closed fires this too; re-opening it to refresh would open
        // it again (an untitled one anew), which closes again, and so on without end.
        if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) {
          void this.previews.get(uri.toString())?.refresh();
        }
      }),
      vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
        if (contentChanges.length > 0) this.previews.get(document.uri.toString())?.scheduleRefresh();
      }),
    ];
  }

  async open(uri?: vscode.Uri, options: { toSide?: boolean } = {}): Promise<boolean> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage("Open a campaign spec first, then open its preview.");
      return false;
    }
    const column = options.toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    const existing = this.previews.get(target.toString());
    if (existing) {
      existing.panel.reveal(column, options.toSide === true);
      return true;
    }
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(target);
    } catch (error) {
      this.log.error(`Preview: cannot open ${target.toString()}`, error);
      void vscode.window.showErrorMessage(`JointSpec cannot open ${vscode.workspace.asRelativePath(target)}.`);
      return false;
    }
    if (!(await this.diagnostics.ensure(document))) {
      void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(target)} is not a JointSpec spec, so it has no preview.`);
      return false;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      titleFor(target),
      { viewColumn: column, preserveFocus: options.toSide === true },
      this.webviewOptions(),
    );
    await this.adopt(panel, target, "marketing").refresh();
    return true;
  }

  /**
   * Brings a preview back after a window reload, from the state its webview kept. A preview
   * reloaded before its page had run its script has no state; its title still names the
   * spec, so the spec is found by that name (an open document, else the one workspace file).
   */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const { documentUri, lens } = readPreviewState(state);
    let uri: vscode.Uri | undefined;
    try {
      uri = documentUri ? vscode.Uri.parse(documentUri, true) : undefined;
    } catch {
      uri = undefined;
    }
    panel.webview.options = this.webviewOptions();
    uri ??= await specNamedBy(panel.title);
    if (!uri) {
      panel.webview.html = this.page(
        panel.webview,
        renderPreviewMessage("Nothing to preview", "Open a campaign spec and run “JointSpec: Open Preview”."),
        "marketing",
        "",
      );
      return;
    }
    if (this.previews.has(uri.toString())) {
      panel.dispose();
      return;
    }
    panel.title = titleFor(uri);
    await this.adopt(panel, uri, lens ?? "marketing").refresh();
  }

  snapshot(uri: vscode.Uri): PreviewSnapshot | undefined {
    return this.previews.get(uri.toString())?.snapshot();
  }

  async receive(uri: vscode.Uri, message: unknown): Promise<boolean> {
    const preview = this.previews.get(uri.toString());
    return preview ? preview.receive(message) : false;
  }

  dispose(): void {
    for (const preview of [...this.previews.values()]) preview.panel.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri, lens: Lens): SpecPreview {
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, "media", "icon.png");
    const page = (body: string, pageLens: Lens): string => this.page(panel.webview, body, pageLens, uri.toString());
    // A page at once, before the spec is read and linted: its script saves the webview state
    // (the spec's URI) as soon as it runs. Before, the first page came after the lint, and a
    // window reloaded in between brought the panel back with no state, so no preview.
    panel.webview.html = page(renderPreviewMessage("Opening the preview", "Reading the spec…"), lens);
    const preview = new SpecPreview(panel, uri, lens, this.diagnostics, this.log, page);
    this.previews.set(uri.toString(), preview);
    panel.onDidDispose(() => {
      this.previews.delete(uri.toString());
      preview.dispose();
    });
    return preview;
  }

  // Scripts on, command links off, and nothing loadable but the page's own files.
  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableFindWidget: true,
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, "dist", "webview")],
    };
  }

  // A whole page for `webview`, with a nonce of its own: a page is rendered rarely (open,
  // reload, hidden panels); content changes travel as messages.
  private page(webview: vscode.Webview, body: string, lens: Lens, documentUri: string): string {
    const resource = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path)).toString();
    return renderWebviewPage({
      body,
      lens,
      documentUri,
      title: "JointSpec preview",
      nonce: newNonce(),
      cspSource: webview.cspSource,
      styleUri: resource("dist", "webview", "preview.css"),
      scriptUri: resource("dist", "webview", "preview.js"),
    });
  }

  // Keeps the list behind the "is this a spec" menus current as documents are linted or forgotten.
  private updateSpecFiles(uri: vscode.Uri): void {
    const key = uri.toString();
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const isSpec = document !== undefined && this.diagnostics.current(document) !== undefined;
    if (isSpec === this.specFiles.has(key)) return;
    if (isSpec) this.specFiles.add(key);
    else this.specFiles.delete(key);
    void vscode.commands.executeCommand(
      "setContext",
      SPEC_FILES_CONTEXT_KEY,
      [...this.specFiles].map((uri) => vscode.Uri.parse(uri).path),
    );
  }
}

// One panel showing one spec.
class SpecPreview implements vscode.Disposable {
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private body = "";
  private model: PreviewModel | undefined;
  private renders = 0;
  private pageSet = false;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly documentUri: vscode.Uri,
    private readonly lens: Lens,
    private readonly diagnostics: SpecDiagnostics,
    private readonly log: Log,
    private readonly page: (body: string, lens: Lens) => string,
  ) {
    this.subscriptions = [panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message))];
  }

  /** Refreshes after a pause, so that a burst of edits gives one render. */
  scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), UPDATE_DELAY_MS);
  }

  /** Renders the spec as it is now and shows it; drops the result if a newer refresh started. */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    const generation = ++this.generation;
    let body: string;
    let model: PreviewModel | undefined;
    try {
      const document = await vscode.workspace.openTextDocument(this.documentUri);
      const lint = await this.diagnostics.ensure(document);
      if (generation !== this.generation) return;
      if (lint) {
        model = buildPreviewModel(lint.result, { severities: lint.config.severities, fileName: vscode.workspace.asRelativePath(this.documentUri) });
        // The panel has an extension behind it: it offers the sign-off buttons.
        body = renderPreviewArticle(model, { actions: true });
      } else {
        body = renderPreviewMessage(
          "Not a JointSpec spec",
          `${vscode.workspace.asRelativePath(this.documentUri)} is not a spec any more: a spec is a YAML file named *.campaign.yaml, or one whose top level has the jointspec key.`,
        );
      }
    } catch (error) {
      if (generation !== this.generation) return;
      this.log.error(`Preview: cannot render ${this.documentUri.toString()}`, error);
      body = renderPreviewMessage(
        "The preview is not available",
        "The spec could not be opened; it may have been moved or deleted. See JointSpec's output for details.",
      );
    }
    this.show(body, model);
  }

  /** Handles a message from the webview, after checking it is one the page may send. */
  async receive(message: unknown): Promise<boolean> {
    if (!isWebviewToHostMessage(message)) {
      this.log.warn(`Preview: ignored a message from the webview that is not in the allow-list: ${safeDescription(message)}`);
      return false;
    }
    switch (message.type) {
      case "ready":
        // A page that (re)loads, such as a panel shown again, gets the current content.
        if (this.body) await this.post({ type: "update", html: this.body });
        return true;
      case "reveal":
        await this.revealSource(message.range);
        return true;
      case "signOff":
        // The same flow as the command: it asks who signs and confirms before writing.
        void vscode.commands.executeCommand(SIGN_OFF_COMMAND, message.function, this.documentUri);
        return true;
    }
  }

  snapshot(): PreviewSnapshot {
    return {
      documentUri: this.documentUri.toString(),
      model: this.model,
      body: this.body,
      page: this.panel.webview.html,
      renders: this.renders,
      visible: this.panel.visible,
    };
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.generation++;
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private show(body: string, model: PreviewModel | undefined): void {
    this.model = model;
    if (body === this.body && this.pageSet) return;
    this.body = body;
    this.renders++;
    // A hidden panel drops messages and reloads its page when shown: give it the new page.
    if (!this.pageSet || !this.panel.visible) {
      this.panel.webview.html = this.page(body, this.lens);
      this.pageSet = true;
    } else {
      void this.post({ type: "update", html: body });
    }
  }

  private async post(message: HostToWebviewMessage): Promise<void> {
    await this.panel.webview.postMessage(message);
  }

  // Puts the cursor on the item's source, in the editor that shows the spec or in a new one.
  private async revealSource(range: MessageRange): Promise<void> {
    try {
      const document = await vscode.workspace.openTextDocument(this.documentUri);
      const target = document.validateRange(new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character));
      const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.documentUri.toString());
      const column = shown?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
      const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false });
      editor.selection = new vscode.Selection(target.start, target.end);
      editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      this.keepFocusOn(editor);
    } catch (error) {
      this.log.error(`Preview: cannot reveal the source in ${this.documentUri.toString()}`, error);
    }
  }

  // The click that asked for the reveal also focused the webview, and VS Code can report that
  // focus after the editor has taken it (seen in the web-worker host, where the reveal comes
  // back sooner): the preview then stays the active editor and the cursor is not where the
  // reader looks. If the panel turns active within a moment of the reveal, the editor gets
  // its focus back, once.
  private keepFocusOn(editor: vscode.TextEditor): void {
    const listener = this.panel.onDidChangeViewState(({ webviewPanel }) => {
      if (!webviewPanel.active) return;
      listener.dispose();
      void vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false, selection: editor.selection });
    });
    setTimeout(() => listener.dispose(), FOCUS_RACE_MS);
  }
}

// How long after a reveal a late focus report from the webview is taken for the click's own.
const FOCUS_RACE_MS = 500;

const TITLE_PREFIX = "Preview ";

function titleFor(uri: vscode.Uri): string {
  return `${TITLE_PREFIX}${uri.path.split("/").pop() ?? ""}`;
}

// The spec a preview's title names ("Preview spring.campaign.yaml"): an open document of that
// name, else the one file of that name in the workspace; undefined when none or several.
async function specNamedBy(title: string): Promise<vscode.Uri | undefined> {
  if (!title.startsWith(TITLE_PREFIX)) return undefined;
  const name = title.slice(TITLE_PREFIX.length);
  if (!name || /[*?[\]{}\\/]/.test(name)) return undefined;
  const open = vscode.workspace.textDocuments.filter((document) => document.uri.path.split("/").pop() === name);
  if (open.length > 0) return open.length === 1 ? open[0]!.uri : undefined;
  try {
    const found = await vscode.workspace.findFiles(`**/${name}`, undefined, 2);
    return found.length === 1 ? found[0] : undefined;
  } catch {
    // A file system without search (some web hosts): no guess rather than a wrong one.
    return undefined;
  }
}

// Commands run from menus receive the clicked file's URI; from the palette, nothing.
function asUri(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}

// For the log: what kind of thing arrived, without echoing what could be a lot of data.
function safeDescription(message: unknown): string {
  if (typeof message !== "object" || message === null) return typeof message;
  const type = (message as { type?: unknown }).type;
  return typeof type === "string" ? `type ${JSON.stringify(type.slice(0, 40))}` : "an object without a type";
}
