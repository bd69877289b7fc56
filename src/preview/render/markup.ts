// Markup that cannot forget to escape. Every part of the preview's pages is built with the
// `html` tag: the template's own text is markup, and every value put into it is escaped for
// HTML text and double-quoted attribute values, unless the value is markup already (made by
// `html`, or vouched for with `trusted`). A string from a spec therefore never becomes markup
// by accident: writing one into a page unescaped takes a `trusted(...)`, where a reviewer
// sees it. (test/unit/preview-html.test.ts also fails on an untagged template that writes a
// tag in this folder.)
//
// Markup has no toString on purpose: put into a plain template string by mistake, it shows
// as "[object Object]", which the tests see, instead of passing for escaped text.

/** A piece of HTML that may go into a page as it is. */
class Markup {
  constructor(readonly text: string) {}
}
export type { Markup };

/** What a template may hold: markup, text to escape, a number, nothing, or a list of these. */
type Value = Markup | string | number | undefined | readonly Value[];

/** Builds markup from a template, escaping every value in it that is not markup already. */
export function html(template: TemplateStringsArray, ...values: readonly Value[]): Markup {
  let text = template[0]!;
  values.forEach((value, index) => {
    text += written(value) + template[index + 1]!;
  });
  return new Markup(text);
}

/** Markup written by code, not data, that `html` cannot build (say why where you call it). */
export function trusted(text: string): Markup {
  return new Markup(text);
}

/** The pieces one after the other, with `separator` (text, escaped) between them. */
export function join(pieces: readonly Markup[], separator: string): Markup {
  return new Markup(pieces.map((piece) => piece.text).join(escapeHtml(separator)));
}

/** Escapes text for HTML text content and for double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/** The href a spec's URL may become: only absolute http, https and mailto URLs, normalized; otherwise undefined. */
export function safeHref(url: string): string | undefined {
  // Browsers ignore tabs and line breaks inside URLs ("java\tscript:"), so any control or
  // space character makes the URL suspect; real links never need one unencoded.
  if (url === "" || /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!SAFE_SCHEMES.has(parsed.protocol)) return undefined;
  if (parsed.protocol !== "mailto:" && !/^https?:\/\//i.test(url)) return undefined;
  return parsed.href;
}

function written(value: Value): string {
  if (value instanceof Markup) return value.text;
  if (value === undefined) return "";
  if (typeof value === "string") return escapeHtml(value);
  if (typeof value === "number") return String(value);
  return value.map(written).join("");
}
