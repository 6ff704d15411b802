/**
 * The task list as the resource registers it: one string, sealed with the vox API key, marked secret.
 *
 * Why one string: the engine carries every input and output value between processes as protobuf structs
 * and rewrites the whole state file after every step, so 1,000 tasks as thousands of struct values made a
 * 50-campaign stack 15× slower than 50 trivial resources. Packed, the list travels and is stored once; the
 * outputs keep only `taskCount` and `tasksDigest`.
 *
 * Why sealed: the engine prints input values where it pleases (an update plan's refusal prints the old and
 * new value of a changed input in clear), and `secret` only hides a value from the CLI's own display. A
 * list gzip'd in base64 (`vox-tasks:1:`) came out of such a message as every callee number. Sealed
 * (`vox-tasks:2:`), what the engine holds is AES-256-GCM ciphertext that only a holder of the API key can
 * open. The seal is deterministic (the nonce is a keyed hash of the plaintext, as in SIV): the same list
 * gives the same string, so a program run twice, a saved plan and its `up --plan` agree.
 *
 * `tasksDigest` is an HMAC under a key derived from the same API key: a plain sha256 of a one-number list
 * is found by trying the 10^8 mobile numbers. It names the key it was made with (`hmac-sha256:<keyId>:`),
 * so a digest made under a rotated key is told apart from a changed list (see recorded-digest.ts).
 *
 * The registered property keeps the public name `tasks`, so `ignoreChanges: ["tasks"]` works unchanged.
 * Inputs written by older versions hold the list itself or `vox-tasks:1:`: {@link taskListOf} reads both,
 * and check seals them.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync } from "crypto";
import { gunzipSync, gzipSync } from "zlib";
import { VoxError } from "../errors";
import { canonicalJson } from "../values/json";

const SEALED_PREFIX = "vox-tasks:2:";
/** The format before the seal (gzip in base64): read, never written. */
const GZIP_PREFIX = "vox-tasks:1:";
const DIGEST_PREFIX = "hmac-sha256:";
/** Digests written before state version 7: a plain sha256, which {@link digestMatches} still verifies. */
const LEGACY_DIGEST_PREFIX = "sha256:";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** What a user sets to give pulumi-vox a key: said by every error about a missing or other key. */
export const SET_API_KEY = "set it with `pulumi config set --secret vox:apiKey <key>` or in the VOX_API_KEY environment variable";

/**
 * A task list with its canonical JSON (keys sorted at every depth): the one serialization that the digest,
 * the seal and the create request's size check share. Made once per list (see {@link canonicalTaskList}).
 */
export interface CanonicalTaskList {
  readonly tasks: readonly unknown[];
  readonly json: string;
}

/** Lists already serialized, by identity: check validates, measures, digests and seals one normalized list. */
const serialized = new WeakMap<readonly unknown[], CanonicalTaskList>();

/** The canonical form of `tasks`, serialized at most once per list object (lists are never changed after check makes them). */
export function canonicalTaskList(tasks: readonly unknown[]): CanonicalTaskList {
  let list = serialized.get(tasks);
  if (!list) {
    list = { tasks, json: canonicalJson(tasks) };
    serialized.set(tasks, list);
  }
  return list;
}

/** The keys one vox API key gives: one for the cipher, one for the nonce, one for the digest, and the key's id. */
export class TaskSeal {
  private constructor(
    private readonly encryptionKey: Buffer,
    private readonly nonceKey: Buffer,
    private readonly digestKey: Buffer,
    /** 8 hex digits that name the key in sealed lists and digests, so that "another key" is told apart from "changed". */
    readonly keyId: string,
  ) {}

  private static readonly byApiKey = new Map<string, TaskSeal>();

  /** The seal of an API key (derived by HKDF-SHA256, each part under its own label; kept per process). */
  static of(apiKey: string): TaskSeal {
    let seal = TaskSeal.byApiKey.get(apiKey);
    if (!seal) {
      const derive = (label: string) => Buffer.from(hkdfSync("sha256", apiKey, "pulumi-vox", `pulumi-vox task list ${label}`, 32));
      seal = new TaskSeal(derive("encryption"), derive("nonce"), derive("digest"), derive("key id").toString("hex").slice(0, 8));
      TaskSeal.byApiKey.set(apiKey, seal);
    }
    return seal;
  }

  /** `vox-tasks:2:<keyId>:<base64 of nonce, ciphertext of the gzip'd canonical JSON, tag>`. */
  seal(list: CanonicalTaskList): string {
    const plain = gzipSync(list.json);
    const nonce = createHmac("sha256", this.nonceKey).update(plain).digest().subarray(0, NONCE_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.encryptionKey, nonce);
    cipher.setAAD(Buffer.from(SEALED_PREFIX + this.keyId));
    const body = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return `${SEALED_PREFIX}${this.keyId}:${body.toString("base64")}`;
  }

  /** `hmac-sha256:<keyId>:<hex>` of the canonical JSON. */
  digest(list: CanonicalTaskList): string {
    return `${DIGEST_PREFIX}${this.keyId}:${createHmac("sha256", this.digestKey).update(list.json).digest("hex")}`;
  }

  /** The list in a string this key sealed; throws when the string was altered (the tag fails). */
  open(keyId: string, base64: string): unknown {
    const body = Buffer.from(base64, "base64");
    if (body.length < NONCE_BYTES + TAG_BYTES) throw new Error("the sealed text is too short");
    const decipher = createDecipheriv("aes-256-gcm", this.encryptionKey, body.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(SEALED_PREFIX + keyId));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(body.subarray(NONCE_BYTES, body.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(gunzipSync(plain).toString("utf8"));
  }
}

/** The keys a process has: the API key's (undefined without one) and, during a key rotation, the previous key's. */
export interface TaskKeys {
  current?: TaskSeal;
  previous?: TaskSeal;
}

/** The task keys of resolved settings (`vox:apiKey` or VOX_API_KEY; `vox:previousApiKey` or VOX_PREVIOUS_API_KEY). */
export function taskKeys(settings: { apiKey?: string; previousApiKey?: string }): TaskKeys {
  return {
    current: settings.apiKey ? TaskSeal.of(settings.apiKey) : undefined,
    previous: settings.previousApiKey ? TaskSeal.of(settings.previousApiKey) : undefined,
  };
}

/** The key that seals and digests; a missing one is an error naming what to set (`what` says what needed it). */
export function requireSeal(keys: TaskKeys, what: string): TaskSeal {
  if (!keys.current) throw new VoxError("SETTINGS", `${what} needs the vox.ai API key, which seals the task list: ${SET_API_KEY}`);
  return keys.current;
}

/** The list as the resource registers it: sealed with the current key. */
export function packTasks(tasks: readonly unknown[], keys: TaskKeys): string {
  return requireSeal(keys, "tasks: sealing the list").seal(canonicalTaskList(tasks));
}

export type TaskListResult = { ok: true; tasks: unknown } | { ok: false; reason: string };

/**
 * The list a `tasks` input holds: a sealed string is opened (with the current key, or the previous one
 * during a rotation), a gzip'd one (before the seal) unpacked, anything else (a list written by an older
 * version, a preview unknown, a wrong value for validation to report) returned as it is.
 */
export function taskListOf(value: unknown, keys: TaskKeys): TaskListResult {
  if (typeof value !== "string") return { ok: true, tasks: value };
  if (value.startsWith(GZIP_PREFIX))
    return unpacked(() => JSON.parse(gunzipSync(Buffer.from(value.slice(GZIP_PREFIX.length), "base64")).toString("utf8")));
  if (!value.startsWith(SEALED_PREFIX)) return { ok: true, tasks: value };
  const [keyId, base64] = splitKeyId(value.slice(SEALED_PREFIX.length));
  const seal = [keys.current, keys.previous].find((key) => key?.keyId === keyId);
  if (!seal) return { ok: false, reason: otherKeyReason("tasks: the list was sealed", keyId, keys) };
  return unpacked(() => seal.open(keyId, base64));
}

function unpacked(read: () => unknown): TaskListResult {
  try {
    return { ok: true, tasks: read() };
  } catch (error) {
    return {
      ok: false,
      reason: `tasks: the packed task list cannot be read (${(error as Error).message}); give the list as \`tasks\` of vox.Campaign`,
    };
  }
}

/** Inputs with `tasks` as a list again, for the runtime's create and update (check has validated the packing). */
export function withTaskList(inputs: Record<string, unknown>, keys: TaskKeys): Record<string, unknown> {
  const list = taskListOf(inputs.tasks, keys);
  if (!list.ok) throw new VoxError("INVALID_INPUTS", list.reason);
  return inputs.tasks === undefined ? inputs : { ...inputs, tasks: list.tasks };
}

/** Whether `digest` was made under the current key (so comparing it with a new digest says whether the list changed). */
export function isCurrentDigest(digest: unknown, keys: TaskKeys): boolean {
  return typeof digest === "string" && keys.current !== undefined && digest.startsWith(`${DIGEST_PREFIX}${keys.current.keyId}:`);
}

/**
 * Whether `list` is the list that `recorded` (a digest in state) stands for, whatever key or version made
 * it: a plain sha256 (before state version 7), a digest under the current key or the previous one.
 *
 * @throws VoxError TASKS_OTHER_KEY when neither key made it: a "no" would replace the campaign, which calls
 * everyone again, and a "yes" could hide a changed list.
 */
export function digestMatches(recorded: string, list: CanonicalTaskList, keys: TaskKeys): boolean {
  if (recorded.startsWith(LEGACY_DIGEST_PREFIX))
    return recorded === LEGACY_DIGEST_PREFIX + createHash("sha256").update(list.json).digest("hex");
  const [keyId] = splitKeyId(recorded.slice(DIGEST_PREFIX.length));
  const seal = [keys.current, keys.previous].find((key) => key?.keyId === keyId);
  if (!seal) throw new VoxError("TASKS_OTHER_KEY", otherKeyReason("tasks: the list in state was digested", keyId, keys));
  return seal.digest(list) === recorded;
}

function splitKeyId(text: string): [string, string] {
  const colon = text.indexOf(":");
  return colon < 0 ? ["", text] : [text.slice(0, colon), text.slice(colon + 1)];
}

/** Says which key made it and which this process has (ids only), and how to give the previous key for one update. */
function otherKeyReason(subject: string, keyId: string, keys: TaskKeys): string {
  const have = keys.current ? `the API key set now is ${keys.current.keyId}` : `no API key is set (${SET_API_KEY})`;
  return (
    `${subject} under another vox API key (key id ${keyId}; ${have}), so pulumi-vox cannot tell whether it changed, and ` +
    "a changed list would replace the campaign and call everyone on it again. After changing the API key, give the " +
    "previous one for one `pulumi up` as `pulumi config set --secret vox:previousApiKey <key>` or VOX_PREVIOUS_API_KEY: " +
    "that update records each list under the new key and sends nothing to vox.ai; then remove it. If the key was " +
    "changed by mistake (another organization's key), set the stack's own key back instead"
  );
}
