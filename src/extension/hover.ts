// Hovers in spec files: on a glossary term, both functions' meanings and the one this spec
// pinned; on a key, its description from the schema, unless Red Hat's YAML extension is
// there to show the same text (it reads our yamlValidation schemas). Plain Markdown that
// cannot run commands.

import * as vscode from "vscode";
import { termAt, type TermAtPosition } from "../core/glossary/lookup.js";
import { BUNDLED_ORIGIN } from "../core/glossary/glossary.js";
import { pathAtOffset } from "../core/paths.js";
import { rosterNameAt, type RosterName } from "../core/roster-lookup.js";
import { schemaAt } from "../core/schema/spec-schema.js";
import { toRange } from "./convert.js";
import type { SpecDiagnostics } from "./diagnostics.js";

const RED_HAT_YAML = "redhat.vscode-yaml";

export class SpecHoverProvider implements vscode.HoverProvider {
  constructor(private readonly diagnostics: SpecDiagnostics) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const lint = await this.diagnostics.ensure(document);
    if (!lint) return undefined;
    const { analysis } = lint.result;
    const term = termAt(analysis, position);
    if (term) return new vscode.Hover(termMarkdown(term), toRange(term.range));
    const parsedDocument = analysis.parsed.document;
    const named = parsedDocument ? rosterNameAt(parsedDocument, document.offsetAt(position), lint.config.people) : undefined;
    if (named) return new vscode.Hover(personMarkdown(named), new vscode.Range(document.positionAt(named.offsets[0]), document.positionAt(named.offsets[1])));

    if (vscode.extensions.getExtension(RED_HAT_YAML)) return undefined;
    const document_ = analysis.parsed.document;
    if (!document_) return undefined;
    const at = pathAtOffset(document_, document.offsetAt(position));
    if (!at?.onKey || !at.node.range) return undefined;
    const schema = schemaAt(at.path);
    const text = schema?.markdownDescription ?? schema?.description;
    if (!text) return undefined;
    const markdown = new vscode.MarkdownString(`**${schema?.title ?? at.path[at.path.length - 1]}**\n\n${text}`);
    markdown.isTrusted = false;
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(at.node.range[0]), document.positionAt(at.node.range[1])));
  }
}

/** A glossary entry as a hover: what it means to each side, and what this spec says. */
function termMarkdown(term: TermAtPosition): vscode.MarkdownString {
  const { entry, pinned } = term;
  const md = new vscode.MarkdownString();
  md.isTrusted = false;
  md.supportHtml = false;
  const kind = entry.kind === "ambiguous" ? "read differently by marketing and technology" : `${entry.marketing ? "marketing" : "technology"} jargon`;
  md.appendMarkdown(`**${escapeMarkdown(entry.term)}** — ${kind}\n\n`);
  for (const side of ["marketing", "technology"] as const) {
    const meaning = entry[side];
    if (!meaning) continue;
    const mark = pinned?.side === side ? " ✓ *pinned in this spec*" : "";
    md.appendMarkdown(
      `- **${side === "marketing" ? "Marketing" : "Technology"}:** *${escapeMarkdown(meaning.label)}* — ${escapeMarkdown(meaning.meaning)}${mark}\n`,
    );
  }
  if (entry.kind === "ambiguous") {
    if (!pinned)
      md.appendMarkdown(`\nNot pinned in this spec: add \`${entry.term}: ${entry.marketing?.label ?? ""}\` (or the technology meaning) under \`glossary:\`.\n`);
    else if (!pinned.side) md.appendMarkdown(`\nThis spec pins its own meaning: *${escapeMarkdown(pinned.value)}*.\n`);
  }
  md.appendMarkdown(`\n*Example:* ${escapeMarkdown(entry.example)}\n`);
  const origin = entry.origin === BUNDLED_ORIGIN ? "the bundled JointSpec glossary" : `the workspace glossary \`${entry.origin}\``;
  md.appendMarkdown(`\n*From ${origin}${entry.source ? `; source: ${escapeMarkdown(entry.source)}` : ""}.*`);
  return md;
}

/** A roster person as a hover: their function and role, and whether the spec puts them on their own side. */
function personMarkdown({ person, side }: RosterName): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown(`**${escapeMarkdown(person.name)}** — ${person.function}${person.role ? `, ${escapeMarkdown(person.role)}` : ""}\n\n`);
  if (person.email) md.appendMarkdown(`${escapeMarkdown(person.email)}\n\n`);
  if (side && side !== person.function) md.appendMarkdown(`Listed here for ${side}, but the roster puts them in ${person.function}.\n\n`);
  md.appendMarkdown("*From the roster in .jointspec.yaml (people:).*");
  return md;
}

// Glossary text is data from files: keep Markdown syntax in it from becoming markup.
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, "\\$&");
}
