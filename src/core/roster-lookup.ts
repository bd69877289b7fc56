// Which roster person a name in a spec's text stands for, for hovers. Apart from roster.ts so
// that the rules, which import roster.ts, stay free of the yaml library's runtime.

import type { Document } from "yaml";
import { pathAtOffset } from "./paths.js";
import { findOnRoster, type RosterPerson } from "./roster.js";
import type { BusinessFunction, SpecPath } from "./types.js";

/** A name in a spec that the roster knows, as a hover shows it. */
export interface RosterName {
  person: RosterPerson;
  /** Offsets of the name's value in the spec's text. */
  offsets: [number, number];
  /** The side the spec puts the name on (an owner or a signer), if it puts it on one. */
  side: BusinessFunction | undefined;
}

// Where a spec writes a person's name: an owner, the security reviewer, a signer.
function nameSide(path: SpecPath): BusinessFunction | "none" | undefined {
  const [first, second, third, fourth] = path;
  const side = second === "marketing" || second === "technology" ? second : undefined;
  if (first === "owners" && side && typeof third === "number" && fourth === "name" && path.length === 4) return side;
  if (first === "approvals" && side && third === "name" && path.length === 3) return side;
  if (first === "security_review" && second === "reviewer" && path.length === 2) return "none";
  return undefined;
}

/** The roster's person named at `offset` of the spec, if the offset is on such a name. */
export function rosterNameAt(document: Document, offset: number, people: readonly RosterPerson[]): RosterName | undefined {
  if (people.length === 0) return undefined;
  const at = pathAtOffset(document, offset);
  if (!at || at.onKey || !at.node.range) return undefined;
  const where = nameSide(at.path);
  const value = (at.node as { value?: unknown }).value;
  if (where === undefined || typeof value !== "string") return undefined;
  const person = findOnRoster(people, value);
  if (!person) return undefined;
  return { person, offsets: [at.node.range[0], at.node.range[1]], side: where === "none" ? undefined : where };
}
