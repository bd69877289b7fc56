// The only things the preview webview and the extension host say to each other, and the
// state the webview keeps. Both sides import this module; each checks what it receives
// against it, because a message is just data that crossed a process boundary.
// The webview bundle imports nothing else, so it stays small and cannot reach the core.

const LENSES = ["marketing", "technology"] as const;
/** Whose vocabulary the page explains terms in first. */
export type Lens = (typeof LENSES)[number];

export interface MessagePosition {
  line: number;
  character: number;
}

export interface MessageRange {
  start: MessagePosition;
  end: MessagePosition;
}

/** The functions that sign a spec off; the page's sign-off buttons name one. */
export const SIGNING_FUNCTIONS = ["marketing", "technology"] as const;
export type SigningFunctionName = (typeof SIGNING_FUNCTIONS)[number];

/**
 * From the webview: it is loaded and wants the latest content; a click on an item; or a click
 * on "Sign off for …" / "Sign again" (the host asks who signs and confirms before writing).
 */
export type WebviewToHostMessage = { type: "ready" } | { type: "reveal"; range: MessageRange } | { type: "signOff"; function: SigningFunctionName };

/** From the host: the spec changed; `html` replaces the page's content (already escaped). */
export type HostToWebviewMessage = { type: "update"; html: string };

/** What the webview keeps across reloads (VS Code hands it back to the panel serializer). */
export interface PreviewState {
  documentUri: string;
  lens: Lens;
  scrollY: number;
}

// Far beyond any spec, small enough that arithmetic on it stays exact.
const MAX_POSITION = 10_000_000;

/** Whether `value` is a message the host accepts from the webview. */
export function isWebviewToHostMessage(value: unknown): value is WebviewToHostMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case "ready":
      return Object.keys(value).length === 1;
    case "reveal":
      return Object.keys(value).length === 2 && isRange(value.range);
    case "signOff":
      return Object.keys(value).length === 2 && isSigningFunction(value.function);
    default:
      return false;
  }
}

/** Whether `value` is a message the webview accepts from the host. */
export function isHostToWebviewMessage(value: unknown): value is HostToWebviewMessage {
  return isRecord(value) && value.type === "update" && typeof value.html === "string";
}

/** Whether `value` names a function that signs off (the value of a button's data-sign-off). */
export function isSigningFunction(value: unknown): value is SigningFunctionName {
  return typeof value === "string" && (SIGNING_FUNCTIONS as readonly string[]).includes(value);
}

/** Whether `value` names a lens. */
export function isLens(value: unknown): value is Lens {
  return typeof value === "string" && (LENSES as readonly string[]).includes(value);
}

/** The valid parts of a stored state; anything malformed is dropped, never trusted. */
export function readPreviewState(value: unknown): Partial<PreviewState> {
  if (!isRecord(value)) return {};
  const state: Partial<PreviewState> = {};
  if (typeof value.documentUri === "string" && value.documentUri.length > 0 && value.documentUri.length < 4096) state.documentUri = value.documentUri;
  if (isLens(value.lens)) state.lens = value.lens;
  if (typeof value.scrollY === "number" && Number.isFinite(value.scrollY) && value.scrollY >= 0) state.scrollY = value.scrollY;
  return state;
}

/** The range written in an item's data-range attribute ("line,character,endLine,endCharacter"). */
export function parseRangeAttribute(text: string | null | undefined): MessageRange | undefined {
  const parts = (text ?? "").split(",");
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,8}$/.test(part))) return undefined;
  const [line, character, endLine, endCharacter] = parts.map(Number) as [number, number, number, number];
  const range = { start: { line, character }, end: { line: endLine, character: endCharacter } };
  return isRange(range) ? range : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPosition(value: unknown): value is MessagePosition {
  return (
    isRecord(value) &&
    Object.keys(value).length === 2 &&
    [value.line, value.character].every((n) => typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= MAX_POSITION)
  );
}

function isRange(value: unknown): value is MessageRange {
  if (!isRecord(value) || Object.keys(value).length !== 2 || !isPosition(value.start) || !isPosition(value.end)) return false;
  const { start, end } = value;
  return start.line < end.line || (start.line === end.line && start.character <= end.character);
}
