import { deepStrictEqual, strictEqual } from "node:assert";
import { parseYaml } from "../../src/core/parse.js";
import { describeRosterPerson, findOnRoster, type RosterPerson } from "../../src/core/roster.js";
import { rosterNameAt } from "../../src/core/roster-lookup.js";

// The roster (.jointspec.yaml people:): how a written name finds its person, and which names
// in a spec the editor's hover explains (src/extension/hover.ts uses rosterNameAt).
const PEOPLE: RosterPerson[] = [
  { name: "Dana Reyes", function: "marketing", role: "Campaign manager", email: "dana.reyes@example.com" },
  { name: "Sam Patel", function: "technology" },
];

const SPEC = `jointspec: 1
owners:
  marketing:
    - name: Sam Patel
  technology:
    - name: Dana Reyes, on loan
security_review:
  reviewer: dana  reyes
  notes: Dana Reyes checked it.
approvals:
  marketing: { name: Dana Reyes, date: 2027-01-20 }
`;

describe("roster", () => {
  it("finds a person by the name before a title or remark, in any case, spaces collapsed", () => {
    strictEqual(findOnRoster(PEOPLE, "Dana Reyes")?.function, "marketing");
    strictEqual(findOnRoster(PEOPLE, "  dana   REYES (on leave)")?.name, "Dana Reyes");
    strictEqual(findOnRoster(PEOPLE, "Sam Patel, Solutions architect")?.name, "Sam Patel");
    strictEqual(findOnRoster(PEOPLE, "Dana Reyez"), undefined);
    strictEqual(findOnRoster(PEOPLE, ""), undefined);
    strictEqual(describeRosterPerson(PEOPLE[0]!), "Dana Reyes, marketing (Campaign manager)");
  });

  it("explains the names of owners, the reviewer and signers on hover, with the side the spec puts them on", () => {
    const document = parseYaml(SPEC).document!;
    const on = (needle: string, nth = 0): ReturnType<typeof rosterNameAt> => {
      let at = -1;
      for (let i = 0; i <= nth; i++) at = SPEC.indexOf(needle, at + 1);
      return rosterNameAt(document, at + 2, PEOPLE);
    };
    const owner = on("Sam Patel");
    deepStrictEqual([owner?.person.name, owner?.side], ["Sam Patel", "marketing"]);
    deepStrictEqual(SPEC.slice(owner!.offsets[0], owner!.offsets[1]), "Sam Patel");
    deepStrictEqual([on("Dana Reyes")?.person.name, on("Dana Reyes")?.side], ["Dana Reyes", "technology"]);
    deepStrictEqual([on("dana  reyes")?.person.function, on("dana  reyes")?.side], ["marketing", undefined]);
    deepStrictEqual(on("Dana Reyes", 2)?.side, "marketing", "a signer in a flow map");
    // Free text that mentions a person, a key, or a spec without a roster: no hover.
    strictEqual(on("Dana Reyes", 1), undefined);
    strictEqual(rosterNameAt(document, SPEC.indexOf("reviewer"), PEOPLE), undefined);
    strictEqual(rosterNameAt(document, SPEC.indexOf("Sam Patel") + 2, []), undefined);
  });
});
