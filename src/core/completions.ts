// What to offer at the cursor of a spec being typed: keys that fit the cursor's level, the
// values an enum allows, KPI owner functions, glossary terms under `glossary:`, and snippets
// for a new spec and for each section. Works from the text alone, since half-typed YAML is
// often not parseable.

import type { Glossary } from "./glossary/glossary.js";
import { describeRosterPerson, type RosterPerson } from "./roster.js";
import { schemaAt, type SchemaNode } from "./schema/spec-schema.js";
import { FUNCTIONS, type Position } from "./types.js";

export interface CompletionSuggestion {
  label: string;
  kind: "key" | "value" | "term" | "snippet";
  /** VS Code snippet syntax (`${1:placeholder}`) when `isSnippet`, else plain text. */
  insertText: string;
  isSnippet: boolean;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Start of the word being completed, on the cursor's line (0-based character). */
  replaceFrom: number;
}

// Sections whose usual content is worth typing as a block, in VS Code snippet syntax.
const SECTION_SNIPPETS: Record<string, string> = {
  owners:
    "owners:\n  marketing:\n    - name: ${1:Marketing owner}\n      role: ${2:Campaign manager}\n  technology:\n    - name: ${3:Technology owner}\n      role: ${4:Solutions architect}",
  kpis: 'kpis:\n  - id: ${1:kpi-id}\n    name: ${2:KPI name}\n    definition: ${3:What is counted, over which period}\n    target: "${4:>= 10%}"\n    owners: [marketing, technology]\n    source: ${5:warehouse.table}\n    cadence: ${6|weekly,daily,monthly,quarterly,hourly,per-campaign|}',
  security_review:
    "security_review:\n  status: ${1|not-started,requested,in-progress,approved,waived|}\n  reviewer: ${2:Reviewer name}\n  date: ${3:YYYY-MM-DD}\n  data_classification: ${4|internal,public,confidential,pii|}",
  data: "data:\n  - name: ${1:member email}\n    classification: ${2|pii,confidential,internal,public|}\n    systems: [${3:CDP}]",
  timeline: "timeline:\n  kickoff: ${1:YYYY-MM-DD}\n  launch: ${2:YYYY-MM-DD}",
  approvals: "approvals:\n  marketing: { name: ${1:Name}, date: ${2:YYYY-MM-DD} }\n  technology: { name: ${3:Name}, date: ${4:YYYY-MM-DD} }",
  glossary: "glossary:\n  ${1:DR}: ${2:direct response}",
};

const KPI_SNIPPET =
  'id: ${1:kpi-id}\n  name: ${2:KPI name}\n  definition: ${3:What is counted, over which period}\n  target: "${4:>= 10%}"\n  owners: [marketing, technology]\n  source: ${5:warehouse.table}';

/** A whole new spec, for an empty file. */
const NEW_SPEC_SNIPPET = `jointspec: 1
id: \${1:campaign-id}
title: \${2:Campaign title}
status: draft
summary: \${3:What the campaign does and why.}
${SECTION_SNIPPETS.owners}
kpis:
  - id: \${5:kpi-id}
    name: \${6:KPI name}
    definition: \${7:What is counted, over which period}
    target: "\${8:>= 10%}"
    owners: [marketing, technology]
    source: \${9:warehouse.table}
security_review:
  status: not-started
  reviewer: \${10:Reviewer name}
  date: \${11:YYYY-MM-DD}
`;

/** Suggestions at `position` in `text`; `people` is the workspace's roster, if it has one. */
export function completionsAt(text: string, position: Position, glossary: Glossary, people: readonly RosterPerson[] = []): CompletionSuggestion[] {
  const lines = text.split(/\r\n|\r|\n/);
  const line = lines[position.line] ?? "";
  const before = line.slice(0, position.character);

  if (text.trim() === "") {
    return [
      {
        label: "jointspec: new campaign spec",
        kind: "snippet",
        insertText: NEW_SPEC_SNIPPET,
        isSnippet: true,
        detail: "A new joint campaign-tech spec",
        replaceFrom: 0,
      },
    ];
  }
  if (/^\s*#/.test(before)) return [];

  // Inside a flow list of KPI owners: `owners: [marketing, |`
  const flowOwners = /\bowners:\s*\[([^\]]*?)([\w-]*)$/.exec(before);
  if (flowOwners) {
    const taken = flowOwners[1]!.split(",").map((s) => s.trim());
    return functionSuggestions(position.character - flowOwners[2]!.length).filter((s) => !taken.includes(s.label));
  }

  // A person's name, where the roster knows who may stand: `owners.<side>[i].name` (that
  // side's people) and `security_review.reviewer` (anyone). Names have spaces, so the typed
  // part is the rest of the line.
  const named = people.length > 0 ? /^(\s*)(- )?(name|reviewer):[ \t]+([^#:]*)$/.exec(before) : null;
  if (named) {
    const [, indent = "", dash, key = "", typed = ""] = named;
    const parent = pathAbove(lines, position.line, indent.length + (dash ? 2 : 0), dash ? indent.length : undefined);
    const side = parent[0] === "owners" && parent.length === 3 && key === "name" ? parent[1] : undefined;
    const reviewer = parent.length === 1 && parent[0] === "security_review" && key === "reviewer";
    if (side === "marketing" || side === "technology" || reviewer) {
      return rosterSuggestions(
        people.filter((person) => reviewer || person.function === side),
        position.character - typed.length,
      );
    }
  }

  // A value after `key: `
  const value = /^(\s*)(- )?([\w-]+):[ \t]+([\w-]*)$/.exec(before);
  if (value) {
    const [, indent = "", dash, key = "", typed = ""] = value;
    const parent = pathAbove(lines, position.line, indent.length + (dash ? 2 : 0), dash ? indent.length : undefined);
    if (parent[0] === "glossary" && parent.length === 1) return meaningSuggestions(glossary, key, position.character - typed.length);
    return enumSuggestions(schemaAt([...parent, key]), position.character - typed.length);
  }

  // A list item `- |`: enum items (KPI owners in block style) or a new item's first key.
  const item = /^(\s*)- ([\w-]*)$/.exec(before);
  if (item) {
    const [, indent = "", typed = ""] = item;
    const listPath = pathAbove(lines, position.line, indent.length);
    const items = schemaAt([...listPath, 0]);
    const from = position.character - typed.length;
    if (items?.enum) return enumSuggestions(items, from);
    const keys = keySuggestions(items, [], from);
    if (listPath.length === 1 && listPath[0] === "kpis")
      keys.unshift({
        label: "new KPI",
        kind: "snippet",
        insertText: KPI_SNIPPET,
        isSnippet: true,
        detail: "A KPI with every part it needs",
        replaceFrom: from,
      });
    return keys;
  }

  // A key at the cursor's level.
  const key = /^(\s*)([\w-]*)$/.exec(before);
  if (key) {
    const [, indent = "", typed = ""] = key;
    const parent = pathAbove(lines, position.line, indent.length);
    const from = position.character - typed.length;
    if (parent.length === 1 && parent[0] === "glossary") return termSuggestions(glossary, from);
    const existing = siblingKeys(lines, position.line, indent.length);
    return keySuggestions(schemaAt(parent), existing, from, parent.length === 0);
  }
  return [];
}

/**
 * The data path of the map that a key at `column` on `lineNumber` belongs to, read from the
 * indentation of the lines above. `dashColumn` is set when the line itself starts a list item.
 */
export function pathAbove(lines: readonly string[], lineNumber: number, column: number, dashColumn?: number): (string | number)[] {
  const path: (string | number)[] = [];
  let threshold = column;
  if (dashColumn !== undefined) {
    path.unshift(0);
    threshold = dashColumn;
  }
  for (let i = lineNumber - 1; i >= 0 && threshold > 0; i--) {
    const match = /^(\s*)(- )?(?:(["']?)([^\s#:"'][^:#]*?)\3:(?:\s|$))?/.exec(lines[i]!);
    const text = lines[i]!.trim();
    if (!match || text === "" || text.startsWith("#")) continue;
    const indent = match[1]!.length;
    const dash = match[2] !== undefined;
    const keyColumn = indent + (dash ? 2 : 0);
    if (match[4] !== undefined && keyColumn < threshold) {
      path.unshift(match[4]);
      threshold = keyColumn;
    }
    if (dash && indent < threshold) {
      path.unshift(0);
      threshold = indent;
    }
  }
  return path;
}

// Keys already written in the same map, above and below the cursor, at the same column;
// a list item's first key (`- id: a`) belongs to the map too, and starts it.
function siblingKeys(lines: readonly string[], lineNumber: number, column: number): string[] {
  const keys: string[] = [];
  for (const step of [-1, 1]) {
    for (let i = lineNumber + step; i >= 0 && i < lines.length; i += step) {
      const line = lines[i]!;
      if (line.trim() === "" || line.trim().startsWith("#")) continue;
      const match = /^(\s*)(- )?([\w-]+:)?/.exec(line)!;
      const indent = match[1]!.length;
      const keyColumn = indent + (match[2] ? 2 : 0);
      if (keyColumn === column && match[3]) keys.push(match[3].slice(0, -1));
      if (indent < column || (match[2] && keyColumn <= column)) break;
    }
  }
  return keys;
}

function keySuggestions(schema: SchemaNode | undefined, existing: readonly string[], from: number, withSnippets = false): CompletionSuggestion[] {
  return Object.entries(schema?.properties ?? {})
    .filter(([name]) => !existing.includes(name))
    .map(([name, property]): CompletionSuggestion => {
      const snippet = withSnippets ? SECTION_SNIPPETS[name] : undefined;
      const isBlock = property.type === "object" || property.type === "array";
      return {
        label: name,
        kind: snippet ? "snippet" : "key",
        insertText: snippet ?? (isBlock ? `${name}:` : `${name}: `),
        isSnippet: snippet !== undefined,
        detail: property.title,
        documentation: property.markdownDescription ?? property.description,
        replaceFrom: from,
      };
    });
}

function enumSuggestions(schema: SchemaNode | undefined, from: number): CompletionSuggestion[] {
  return (schema?.enum ?? []).map((value, index) => ({
    label: String(value),
    kind: "value",
    insertText: String(value),
    isSnippet: false,
    detail: schema?.title,
    documentation: schema?.markdownEnumDescriptions?.[index] ?? schema?.enumDescriptions?.[index],
    replaceFrom: from,
  }));
}

// The roster's people as names to insert, with their function and role beside them.
function rosterSuggestions(people: readonly RosterPerson[], from: number): CompletionSuggestion[] {
  return people.map((person) => ({
    label: person.name,
    kind: "value",
    insertText: person.name,
    isSnippet: false,
    detail: `${person.function}${person.role ? `, ${person.role}` : ""}`,
    documentation: `On the roster in .jointspec.yaml: ${describeRosterPerson(person)}${person.email ? `, ${person.email}` : ""}.`,
    replaceFrom: from,
  }));
}

function functionSuggestions(from: number): CompletionSuggestion[] {
  return enumSuggestions(schemaAt(["kpis", 0, "owners", 0]), from).filter((s) => (FUNCTIONS as readonly string[]).includes(s.label));
}

// Under glossary: the ambiguous terms a spec may want to pin, most important first.
function termSuggestions(glossary: Glossary, from: number): CompletionSuggestion[] {
  return glossary.entries
    .filter((entry) => entry.kind === "ambiguous")
    .sort((a, b) => Number(b.report === true) - Number(a.report === true) || a.term.localeCompare(b.term))
    .map((entry) => ({
      label: entry.term,
      kind: "term",
      insertText: `${entry.term}: `,
      isSnippet: false,
      detail: `${entry.marketing?.label} (marketing) / ${entry.technology?.label} (technology)`,
      documentation: `**Marketing:** ${entry.marketing?.meaning}\n\n**Technology:** ${entry.technology?.meaning}`,
      replaceFrom: from,
    }));
}

// After `TERM: ` under glossary: the labels of the term's meanings.
function meaningSuggestions(glossary: Glossary, term: string, from: number): CompletionSuggestion[] {
  const entry = glossary.lookup(term) ?? glossary.lookupAnyCase(term);
  if (!entry) return [];
  return FUNCTIONS.flatMap((side) => {
    const meaning = entry[side];
    return meaning
      ? [
          {
            label: meaning.label,
            kind: "value" as const,
            insertText: meaning.label,
            isSnippet: false,
            detail: `the ${side} meaning`,
            documentation: meaning.meaning,
            replaceFrom: from,
          },
        ]
      : [];
  });
}
