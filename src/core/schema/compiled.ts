// The shape of the validators that scripts/generate.mjs compiles from schemas/ ahead of time.
import type { ErrorObject } from "ajv";

export type SchemaError = ErrorObject;

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}
