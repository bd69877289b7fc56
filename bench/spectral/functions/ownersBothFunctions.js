// @ts-check
// owners-both-functions: a named owner under owners.marketing and owners.technology.
import { asList, asMap, FUNCTIONS, isNamed } from "../lib.js";

export default function ownersBothFunctions(spec) {
  const root = asMap(spec);
  if (!root || (root.owners != null && !asMap(root.owners))) return [];
  const owners = asMap(root.owners);
  const results = [];
  for (const side of FUNCTIONS) {
    const people = asList(owners?.[side]);
    if (people.some((person) => isNamed(asMap(person)?.name ?? person))) continue;
    results.push(
      owners && side in owners
        ? { message: `owners.${side} names no one yet; replace the placeholder with a person's name.`, path: ["owners", side] }
        : { message: `No ${side} owner: name at least one person under owners.${side}.`, path: ["owners"] },
    );
  }
  return results;
}
