// Types for the generated standalone validator (see scripts/compile-schema.mjs).
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  propertyName?: string;
}
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
export declare const validateCharter: StandaloneValidator;
/** Validators of the definitions that are oneOf/anyOf branches, by definition name. */
export declare const branchValidators: Readonly<Record<string, StandaloneValidator>>;
/** The schema without editor annotations, as the validators were compiled from it. */
export declare const runtimeSchema: JsonSchema;
export interface JsonSchema {
  readonly [keyword: string]: unknown;
}
