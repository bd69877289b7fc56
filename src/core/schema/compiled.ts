// The shape of the validators that scripts/generate.mjs compiles from schemas/ ahead of time.
import type { ErrorObject } from "ajv";

export type SchemaError = ErrorObject;

/**
 * A compiled validator: the declaration scripts/generate.mjs writes beside each one in
 * src/core/generated/ (git-ignored, so knip does not see it) imports this type.
 * @public
 */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}
