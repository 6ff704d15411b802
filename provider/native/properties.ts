/**
 * Property values between the engine's protobuf Structs and plain records. The engine marks a secret
 * as `{ <SECRET_SIG>: <SECRET_VALUE>, value }` (the provider says it accepts secrets) and a value not
 * known yet in a preview as the UNKNOWN string, which the campaign logic already understands.
 */
import type { Struct as StructMessage } from "google-protobuf/google/protobuf/struct_pb";
import { Struct } from "./protocol";

/** The engine's signature key for special values, and its value for secrets (sdk/go/common/resource/sig). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

type PropertyRecord = Record<string, unknown>;

/** A record, and which of its top-level keys held a secret anywhere inside. */
export interface Unsealed {
  values: PropertyRecord;
  secretKeys: Set<string>;
}

function isSecret(value: unknown): value is { value: unknown } {
  return value !== null && typeof value === "object" && (value as PropertyRecord)[SIG_KEY] === SECRET_SIG;
}

/** The value with every secret wrapper removed; `found` is set when there was one. */
function unwrap(value: unknown, found: { secret: boolean }): unknown {
  if (isSecret(value)) {
    found.secret = true;
    return unwrap(value.value, found);
  }
  if (Array.isArray(value)) return value.map((item) => unwrap(item, found));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, unwrap(item, found)]));
  }
  return value;
}

/** The struct's values without secret wrappers, remembering which top-level keys were secret. */
export function unseal(struct: StructMessage | undefined): Unsealed {
  const secretKeys = new Set<string>();
  const values: PropertyRecord = {};
  for (const [key, value] of Object.entries(struct?.toJavaScript() ?? {})) {
    const found = { secret: false };
    values[key] = unwrap(value, found);
    if (found.secret) secretKeys.add(key);
  }
  return { values, secretKeys };
}

/** A struct of the record, the top-level `secretKeys` marked secret (absent keys are left out). */
export function seal(values: PropertyRecord, secretKeys: Iterable<string> = []): StructMessage {
  const plain = JSON.parse(JSON.stringify(values)) as PropertyRecord;
  for (const key of secretKeys) {
    if (plain[key] !== undefined) plain[key] = { [SIG_KEY]: SECRET_SIG, value: plain[key] };
  }
  return Struct.fromJavaScript(plain as Parameters<typeof Struct.fromJavaScript>[0]);
}
