// Tests import the generated standalone validator; make sure it matches the schema.
// @ts-expect-error plain ESM build script without type declarations
import { writeValidators } from '../scripts/compile-schema.mjs';

export default function setup(): void {
  (writeValidators as () => string)();
}
