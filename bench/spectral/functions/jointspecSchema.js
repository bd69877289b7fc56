// @ts-check
// JointSpec's JSON Schema check: Spectral's own `schema` function, given the schema that
// schemas/jointspec.schema.json holds. (A YAML ruleset cannot $ref a schema file inside
// functionOptions, so this reads the file once and hands the object to `schema`, exactly as an
// inline `functionOptions.schema` would.)
import { schema } from "@stoplight/spectral-functions";
import { readJson, rulesetRelative } from "../lib.js";

let loaded;

export default function jointspecSchema(input, options, context) {
  loaded ??= readJson(rulesetRelative(context, options.schemaFile));
  return schema(input, { schema: loaded, allErrors: true }, context);
}
