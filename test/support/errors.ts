import * as assert from "assert";

/**
 * For assert.rejects/throws: matches the error's message. A bare RegExp is tested against String(error),
 * and errors meant for users print as "pulumi-vox" there (provider/errors.ts UserFacingError).
 */
export function withMessage(pattern: RegExp): (error: Error) => true {
  return (error) => {
    assert.match(error.message, pattern);
    return true;
  };
}
