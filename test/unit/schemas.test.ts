import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "./helpers/fixtures.js";

// Editors show a schema's titles and descriptions on hover and in completions (Red Hat's
// YAML extension reads markdownDescription and markdownEnumDescriptions), so every property
// and every enum value of every schema we publish must carry them.

type Schema = Record<string, unknown>;
const SCHEMAS = ["jointspec.schema.json", "config.schema.json", "glossary.schema.json"];

function undocumented(schema: Schema, where: string): string[] {
  const problems: string[] = [];
  const describedNode = (node: Schema, at: string): void => {
    if ("$ref" in node && !("title" in node)) return;
    for (const key of ["title", "description", "markdownDescription"]) if (typeof node[key] !== "string") problems.push(`${at} lacks ${key}`);
    if (Array.isArray(node.enum)) {
      for (const key of ["enumDescriptions", "markdownEnumDescriptions"]) {
        const list = node[key];
        if (!Array.isArray(list) || list.length !== node.enum.length) problems.push(`${at} lacks one ${key} per enum value`);
      }
    }
  };
  const walk = (node: unknown, at: string, isProperty: boolean): void => {
    if (typeof node !== "object" || node === null) return;
    const n = node as Schema;
    if (isProperty) describedNode(n, at);
    for (const [name, child] of Object.entries((n.properties as Schema | undefined) ?? {})) walk(child, `${at}.${name}`, true);
    for (const [name, child] of Object.entries((n.patternProperties as Schema | undefined) ?? {})) walk(child, `${at}[${name}]`, true);
    for (const [name, child] of Object.entries((n.definitions as Schema | undefined) ?? {})) walk(child, `#/definitions/${name}`, true);
    if (typeof n.additionalProperties === "object") walk(n.additionalProperties, `${at}.*`, true);
    if (typeof n.propertyNames === "object") walk(n.propertyNames, `${at}(key)`, true);
    if (typeof n.items === "object") walk(n.items, `${at}[]`, true);
  };
  walk(schema, where, true);
  return problems;
}

describe("schemas", () => {
  for (const file of SCHEMAS) {
    it(`${file} documents every property and enum value`, () => {
      deepStrictEqual(undocumented(JSON.parse(readFileSync(join(REPO, "schemas", file), "utf8")) as Schema, file), []);
    });
  }

  it("the spec schema does not require what the rules report", () => {
    const spec = JSON.parse(readFileSync(join(REPO, "schemas/jointspec.schema.json"), "utf8")) as { required: string[] };
    deepStrictEqual(spec.required, ["jointspec", "id", "title", "status"]);
    ok(!spec.required.some((key) => ["owners", "kpis", "security_review", "approvals"].includes(key)));
  });

  it("the CLI's version is package.json's", () => {
    const pkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string };
    strictEqual((JSON.parse(readFileSync(join(REPO, "src/core/generated/version.json"), "utf8")) as { version: string }).version, pkg.version);
  });
});
