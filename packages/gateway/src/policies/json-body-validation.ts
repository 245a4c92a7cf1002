import type { ValidateFunction } from 'ajv';
import { describeError } from './json-schema.js';

/** Why a JSON text failed a validator, or undefined when it passed. */
export function validateJsonText(validate: ValidateFunction, text: Buffer): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text.toString('utf8'));
  } catch {
    // JSON.parse's message quotes the input: never echoed.
    return 'is not valid JSON';
  }
  try {
    if (validate(value)) return undefined;
  } catch (error) {
    // A recursive schema walks recursive data by recursion: absurd depth ends here, not in a 500.
    if (error instanceof RangeError) return 'is nested too deeply to be validated';
    throw error;
  }
  const [first] = validate.errors ?? [];
  return first === undefined ? 'does not match the schema' : `does not match the schema: ${describeError(first)}`;
}
