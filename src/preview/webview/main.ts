/// <reference lib="dom" />
// The preview page's script. One script for both places the page is shown:
// - in VS Code's webview panel: it remembers the lens and scroll in the webview state,
//   replaces the content when the host sends an update, asks the host to reveal the
//   source of any item clicked, and passes a click on a sign-off button to the host;
// - in the standalone HTML report: it remembers the lens in localStorage, and nothing else
//   (the report has no sign-off buttons: no extension stands behind it).
// It builds no markup from data: updates arrive as HTML the host's renderer escaped.
// (The DOM library is referenced here because this is the one file that runs in a browser.)

import {
  isHostToWebviewMessage,
  isLens,
  isSigningFunction,
  parseRangeAttribute,
  readPreviewState,
  type Lens,
  type PreviewState,
  type WebviewToHostMessage,
} from "./messages.js";

interface VsCodeApi {
  postMessage(message: WebviewToHostMessage): void;
  getState(): unknown;
  setState(state: PreviewState): void;
}

declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

const LENS_STORAGE_KEY = "jointspec.preview.lens";
const DEFAULT_LENS: Lens = "marketing";

const panelApi = typeof acquireVsCodeApi === "function" ? acquireVsCodeApi() : undefined;
const root = document.documentElement;

if (panelApi) startInPanel(panelApi);
else startInReport();

function startInPanel(api: VsCodeApi): void {
  const stored = readPreviewState(api.getState());
  const state: PreviewState = {
    documentUri: root.dataset.documentUri ?? stored.documentUri ?? "",
    lens: stored.lens ?? lensOf(root.dataset.lens),
    scrollY: stored.scrollY ?? 0,
  };
  const save = (): void => api.setState(state);
  root.classList.add("can-reveal");
  setupLens(state.lens, (lens) => {
    state.lens = lens;
    save();
  });
  save();

  window.addEventListener("message", (event: MessageEvent<unknown>) => {
    if (!isHostToWebviewMessage(event.data)) return;
    const content = document.getElementById("preview-root");
    if (!content) return;
    // Keep the reader where they were while the spec changes under them.
    const scrollY = window.scrollY;
    content.innerHTML = event.data.html;
    makeItemsFocusable(content);
    window.scrollTo(0, scrollY);
  });

  let scrollTimer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener("scroll", () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
      state.scrollY = window.scrollY;
      save();
    }, 100);
  });

  const reveal = (target: EventTarget | null): boolean => {
    const item = target instanceof Element ? target.closest("[data-range]") : null;
    const range = parseRangeAttribute(item?.getAttribute("data-range"));
    if (!range) return false;
    api.postMessage({ type: "reveal", range });
    return true;
  };
  document.addEventListener("click", (event) => {
    // A sign-off button asks the host to run the sign-off; the host asks who signs and confirms.
    const signOff = event.target instanceof Element ? event.target.closest("button[data-sign-off]")?.getAttribute("data-sign-off") : undefined;
    if (isSigningFunction(signOff)) {
      api.postMessage({ type: "signOff", function: signOff });
      return;
    }
    // Links do what links do; selecting text to copy it is not a request to jump.
    if (event.target instanceof Element && event.target.closest("a, button")) return;
    if (!window.getSelection()?.isCollapsed) return;
    reveal(event.target);
  });
  document.addEventListener("keydown", (event) => {
    if ((event.key === "Enter" || event.key === " ") && event.target instanceof Element && event.target.matches("[data-range]")) {
      if (reveal(event.target)) event.preventDefault();
    }
  });

  makeItemsFocusable(document);
  if (state.scrollY > 0) window.scrollTo(0, state.scrollY);
  api.postMessage({ type: "ready" });
}

function startInReport(): void {
  setupLens(lensOf(readStoredLens() ?? root.dataset.lens), (lens) => {
    try {
      localStorage.setItem(LENS_STORAGE_KEY, lens);
    } catch {
      // Storage can be off (private windows, file: pages in some browsers); the switch still works.
    }
  });
}

// Shows the page in `initial` lens and wires the switch's buttons.
function setupLens(initial: Lens, remember: (lens: Lens) => void): void {
  applyLens(initial);
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("[data-lens-choice]") : null;
    const lens = button?.getAttribute("data-lens-choice");
    if (!isLens(lens)) return;
    applyLens(lens);
    remember(lens);
  });
}

function applyLens(lens: Lens): void {
  root.dataset.lens = lens;
  for (const button of document.querySelectorAll("[data-lens-choice]")) {
    button.setAttribute("aria-pressed", String(button.getAttribute("data-lens-choice") === lens));
  }
}

function readStoredLens(): string | undefined {
  try {
    return localStorage.getItem(LENS_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function lensOf(value: unknown): Lens {
  return isLens(value) ? value : DEFAULT_LENS;
}

// Clickable items are reachable from the keyboard too (only where a click does something).
function makeItemsFocusable(scope: ParentNode): void {
  for (const item of scope.querySelectorAll("[data-range]")) {
    if (!item.hasAttribute("tabindex")) item.setAttribute("tabindex", "0");
  }
}
