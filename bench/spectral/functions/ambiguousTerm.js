// @ts-check
// ambiguous-term: a glossary term the two functions read differently, used in free text while
// the spec's glossary: does not pin it. One result per term, at its first use. The terms come
// from the bundled glossary file (read once), matched as the core matches them: whole words,
// all-capitals terms case-sensitive, a plural s/es allowed, spaces in a term as any whitespace.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { asMap, isNamed, rulesetRelative } from "../lib.js";

let glossary;

function normalize(text) {
  return text.trim().replace(/\s+/g, " ");
}

function compile(terms) {
  const exact = new Map();
  const folded = new Map();
  const spellings = [];
  for (const entry of terms) {
    for (const spelling of [entry.term, ...(entry.aliases ?? [])]) {
      const normal = normalize(spelling);
      const caseSensitive = entry.caseSensitive ?? (/\p{Lu}/u.test(spelling) && !/\p{Ll}/u.test(spelling));
      if (caseSensitive) exact.set(normal, entry);
      else folded.set(normal.toLowerCase(), entry);
      spellings.push(normal);
    }
  }
  const alternatives = [...new Set(spellings)].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"));
  const matcher = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join("|")})(?:e?s)?(?![\\p{L}\\p{N}_])`, "giu");
  const lookup = (written) => {
    const normal = normalize(written);
    const forms = [normal];
    if (/es$/i.test(normal)) forms.push(normal.slice(0, -2));
    if (/s$/i.test(normal)) forms.push(normal.slice(0, -1));
    for (const form of forms) {
      const entry = exact.get(form) ?? folded.get(form.toLowerCase());
      if (entry) return entry;
    }
    return undefined;
  };
  const lookupAnyCase = (written) => {
    const wanted = normalize(written).toLowerCase();
    return terms.find((entry) => [entry.term, ...(entry.aliases ?? [])].some((s) => normalize(s).toLowerCase() === wanted));
  };
  return { matcher, lookup, lookupAnyCase };
}

// Free text, as in src/core/glossary/terms.ts; "*" is any key or index.
const FREE_TEXT = [
  ["title"],
  ["summary"],
  ["kpis", "*", "name"],
  ["kpis", "*", "definition"],
  ["security_review", "notes"],
  ["data", "*", "name"],
  ["data", "*", "systems", "*"],
  ["owners", "*", "*", "role"],
  ["systems", "*"],
];

function isFreeText(path) {
  return FREE_TEXT.some((pattern) => pattern.length === path.length && pattern.every((part, i) => part === "*" || part === path[i]));
}

export default function ambiguousTerm(spec, options, context) {
  glossary ??= compile(parse(readFileSync(rulesetRelative(context, options.glossaryFile), "utf8")).terms);
  const root = asMap(spec);
  if (!root) return [];
  const pinned = new Set();
  for (const [key, value] of Object.entries(asMap(root.glossary) ?? {})) {
    const entry = glossary.lookup(key) ?? glossary.lookupAnyCase(key);
    if (entry && isNamed(value == null ? "" : String(value))) pinned.add(entry);
  }
  const reported = new Set();
  const results = [];
  // Walks the data in document order, so the first use found is the first in the file.
  const walk = (node, path) => {
    if (typeof node === "string") {
      if (!isFreeText(path)) return;
      glossary.matcher.lastIndex = 0;
      for (let m = glossary.matcher.exec(node); m; m = glossary.matcher.exec(node)) {
        const entry = glossary.lookup(m[0]);
        if (entry?.kind !== "ambiguous" || !entry.report || pinned.has(entry) || reported.has(entry)) continue;
        reported.add(entry);
        results.push({ message: `"${entry.term}" reads differently to marketing and technology; pin its meaning under glossary:.`, path });
      }
    } else if (Array.isArray(node)) for (const [i, item] of node.entries()) walk(item, [...path, i]);
    else if (node && typeof node === "object") for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
  };
  walk(root, []);
  return results;
}
