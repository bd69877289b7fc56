// Inline suppressions, written as YAML comments so the spec stays plain YAML:
//   # jointspec-disable-next-line <rule>[, <rule>…] -- <why>   the next line only
//   # jointspec-disable <rule>[, <rule>…] -- <why>             the whole file
// The reason after "--" is how a reviewer from the other function learns why a check was
// waived; a suppressed finding is kept (with its reason), not dropped, for SARIF and audits.

import { Lexer } from "yaml";
import type { LineIndex } from "./text.js";
import type { Finding, TextEdit } from "./types.js";

export interface SuppressionDirective {
  kind: "next-line" | "file";
  ruleIds: string[];
  /** The text after "--", trimmed; empty when none was given. */
  reason: string;
  /** 0-based line of the comment. */
  line: number;
  /** Offsets of the comment, from "#" to the end of the line. */
  offsets: [number, number];
  /** What to delete to remove the comment: its whole line, or the comment and the spaces before it. */
  removal: [number, number];
}

export interface SuppressedFinding {
  finding: Finding;
  directive: SuppressionDirective;
}

const DIRECTIVE = /^#[ \t]*jointspec-disable(-next-line)?(?=[ \t]|$)[ \t]*(.*)$/;

// Tokens the yaml lexer emits to mark structure; they stand for no character of the source.
const CONTROL_TOKENS = new Set(["\u0002", "\u0018", "\u001f"]);

/** Every suppression comment in the text, in order. Only real YAML comments count. */
export function findDirectives(lines: LineIndex): SuppressionDirective[] {
  const directives: SuppressionDirective[] = [];
  const text = lines.text;
  // Cheap pre-check: most specs hold no directive, and then nothing is lexed.
  if (!text.includes("jointspec-disable")) return directives;
  let offset = 0;
  for (const token of new Lexer().lex(text.replace(/\r(?!\n)/g, "\n"))) {
    if (CONTROL_TOKENS.has(token)) continue;
    const start = offset;
    offset += token.length;
    const match = token.startsWith("#") ? DIRECTIVE.exec(token) : null;
    if (!match) continue;
    const [rulesPart = "", ...reasonParts] = match[2]!.split(/[ \t]--(?:[ \t]|$)/);
    const line = lines.positionAt(start).line;
    const lineStart = lines.lineStart(line);
    const alone = text.slice(lineStart, start).trim() === "";
    let before = start;
    while (before > lineStart && /[ \t]/.test(text[before - 1]!)) before--;
    directives.push({
      kind: match[1] ? "next-line" : "file",
      ruleIds: rulesPart.split(/[\s,]+/).filter(Boolean),
      reason: reasonParts.join(" -- ").trim(),
      line,
      offsets: [start, start + token.length],
      removal: alone ? [lineStart, line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length] : [before, start + token.length],
    });
  }
  return directives;
}

// Parse errors cannot be waived (the comment itself may be what the parser misread), nor
// can the findings about suppression comments (a comment could otherwise hide itself), nor a
// spec too large to read (its comments are never read).
const UNSUPPRESSIBLE = new Set(["spec-size", "yaml-syntax", "suppression"]);

/** Whether a comment can suppress findings of this rule, so offering to write one makes sense. */
export function isSuppressible(ruleId: string): boolean {
  return !UNSUPPRESSIBLE.has(ruleId);
}

/** Splits findings into those that stand and those a directive suppresses. */
export function applySuppressions(
  findings: readonly Finding[],
  directives: readonly SuppressionDirective[],
): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  if (directives.length === 0) return { findings: [...findings], suppressed: [] };
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const directive = UNSUPPRESSIBLE.has(finding.ruleId)
      ? undefined
      : directives.find((d) => d.ruleIds.includes(finding.ruleId) && (d.kind === "file" || d.line === finding.range.start.line - 1));
    if (directive) suppressed.push({ finding, directive });
    else kept.push(finding);
  }
  return { findings: kept, suppressed };
}

/**
 * The edit that silences `finding` on its line: a directive comment on the line above, in
 * the same indentation, or the rule added to a directive that is already there.
 */
export function disableNextLineEdit(lines: LineIndex, finding: Finding, reason: string): TextEdit {
  const line = finding.range.start.line;
  const cleanReason = reason.replace(/[\r\n]+/g, " ").trim();
  const existing = line > 0 ? findDirectives(lines).find((d) => d.kind === "next-line" && d.line === line - 1) : undefined;
  if (existing) {
    const reasons = [existing.reason, cleanReason].filter(Boolean).join("; ");
    const newText = `# jointspec-disable-next-line ${[...existing.ruleIds, finding.ruleId].join(", ")} -- ${reasons}`;
    return { range: lines.rangeOf(existing.offsets[0], existing.offsets[1]), offsets: existing.offsets, newText };
  }
  const start = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
  const newText = `${indent}# jointspec-disable-next-line ${finding.ruleId} -- ${cleanReason}${lines.eol}`;
  return { range: lines.rangeOf(start, start), offsets: [start, start], newText };
}
