/**
 * The dynamic provider's door: the only code that touches the engine's raw records. Each method
 * migrates the state it is given (written by any version), unpacks the task list, checks the inputs,
 * calls the campaign controller (controller.ts) and serializes its answer once. The serialized provider
 * loads this entry at call time (`require("pulumi-vox/runtime")`), so state holds no code but a few lines
 * that name it, and refresh or destroy of old resources runs the installed version.
 */
import type * as pulumi from "@pulumi/pulumi";
import { CampaignApi } from "../api/campaigns";
import { VoxHttpClient } from "../api/http";
import { ConfigSource, Settings, resolveSettings } from "../api/settings";
import { TaskKeys, packTasks, taskKeys, taskListOf, withTaskList } from "../campaign/packed-tasks";
import { migrateRecord, stateFromOutputs } from "../campaign/state";
import type { Failure } from "../campaign/validate";
import { systemClock } from "../clock";
import { watchEngine } from "../engine-presence";
import { UserFacingError } from "../errors";
import { toPlainJson } from "../values/json";
import { containsUnknown } from "../values/unknown";
import { CampaignController, RefreshMemory, checkedInputs } from "./controller";

/**
 * The provider's settings live here, in the installed package's module state, and never on the
 * serialized provider object: whatever is on that object is written into Pulumi state in plain text.
 */
let settings: Settings | undefined;
let controller: CampaignController | undefined;
/** One per process, across configure calls: a refresh's read and its diff may straddle one. */
const refreshes = new RefreshMemory();

/** Called by the host with the stack config. Synchronous on purpose: a second call may come at once. */
export async function configure(request: { config: ConfigSource }): Promise<void> {
  settings = resolveSettings(request.config);
  controller = undefined;
}

/** The controller for the configured settings (environment variables only, when never configured); the system clock. */
function campaigns(): CampaignController {
  if (!controller) {
    settings ??= resolveSettings({ get: () => undefined });
    controller = new CampaignController(new CampaignApi(new VoxHttpClient(settings, systemClock)), systemClock, refreshes);
  }
  return controller;
}

/** The keys that open and seal task lists: the configured API key's (see packed-tasks.ts). */
function keys(): TaskKeys {
  return taskKeys(campaigns().api.settings);
}

/** A record as the engine passes it: inputs or outputs of any version, untyped. */
type EngineRecord = Record<string, unknown>;

/**
 * The task list arrives packed (see packed-tasks.ts) and leaves packed, normalized, beside its
 * `taskCount` and `tasksDigest`.
 */
async function checkRecord(olds: EngineRecord, news: EngineRecord): Promise<{ inputs: EngineRecord; failures: Failure[] }> {
  const list = taskListOf(news.tasks, keys());
  if (!list.ok) return { inputs: news, failures: [forTheEngine({ property: "tasks", reason: list.reason })] };
  const { inputs, failures, warnings } = await campaigns().check(news.tasks === undefined ? news : { ...news, tasks: list.tasks }, olds);
  if (Array.isArray(inputs.tasks) && !containsUnknown(inputs.tasks)) inputs.tasks = packTasks(inputs.tasks, keys());
  warnings.forEach(warnOnce);
  return { inputs: toPlainJson(inputs), failures: failures.map(forTheEngine) };
}

/** Warnings already printed by this process: a stack of a hundred campaigns without a key says so once. */
const warned = new Set<string>();

/**
 * A dynamic provider has no engine connection to attach a warning to its resource; the engine prints the
 * host's stderr lines in the preview's output instead, which is where these go.
 */
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  process.stderr.write(`warning: pulumi-vox: ${message}\n`);
}

/**
 * The engine prints a failure whose `property` names a top-level input as "property callFrom value
 * {<the input as written>} has a problem: …" (pkg/resource/deploy/step_generator.go, issueCheckFailures):
 * the full phone number next to the masked one. With no property it prints only "has a problem: <reason>",
 * and every reason starts with its field path.
 */
function forTheEngine(failure: Failure): Failure {
  return { property: "", reason: failure.reason };
}

async function diffRecord(id: string, olds: EngineRecord, news: EngineRecord): Promise<pulumi.dynamic.DiffResult> {
  // During a refresh the engine passes the inputs in state here, which an older version may have written.
  const { changes, replaces, deleteBeforeReplace } = await campaigns().diff(id, stateFromOutputs(olds), migrateRecord(news));
  return { changes, replaces, deleteBeforeReplace };
}

async function readRecord(id: string, props: EngineRecord): Promise<pulumi.dynamic.ReadResult> {
  const state = await campaigns().read(id, stateFromOutputs(props));
  // No inputs: the task list lives only in the inputs (packed; the outputs hold its count and digest), so the engine keeps its own.
  return state ? { id, props: toPlainJson(state) } : {};
}

async function deleteRecord(id: string, props: EngineRecord): Promise<void> {
  await campaigns().delete(id, stateFromOutputs(props));
}

/** The inputs check returned hold the task list packed: create and update work on the list itself. */
export async function create(inputs: EngineRecord): Promise<pulumi.dynamic.CreateResult> {
  const { id, state } = await campaigns().create(checkedInputs(withTaskList(inputs, keys()), keys()));
  return { id, outs: toPlainJson(state) };
}

export async function update(id: string, olds: EngineRecord, news: EngineRecord): Promise<pulumi.dynamic.UpdateResult> {
  const state = await campaigns().update(id, stateFromOutputs(olds), checkedInputs(withTaskList(news, keys()), keys()));
  return { outs: toPlainJson(state) };
}

/**
 * Whether this process is Pulumi's dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`), as
 * opposed to a program (getCampaign), a test or a script calling the runtime.
 */
const IN_PROVIDER_HOST = /[\\/]cmd[\\/]dynamic-provider[\\/]index\.js$/.test(require.main?.filename ?? "");

// In Pulumi's provider host: stop sending requests, and exit, when the engine has gone (see ../engine-presence.ts).
if (IN_PROVIDER_HOST) watchEngine();

/**
 * The host prints `${error}: ${error.stack}` to stderr before the engine shows the error on the resource,
 * so a preview would show a user-facing message three times, with a stack trace into files the package
 * does not ship. In the host, such an error keeps its message (what the engine shows) and prints only a
 * pointer to it on stderr. Internal faults keep their stack: a bug report needs it. (The host prints no
 * create or update error, so those are left as they are.)
 */
function reportedByTheEngine<A extends unknown[], R>(method: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  if (!IN_PROVIDER_HOST) return method;
  return async (...args) => {
    try {
      return await method(...args);
    } catch (error) {
      if (error instanceof UserFacingError) {
        Object.defineProperty(error, "stack", { value: "the error is shown on the resource below" });
        Object.defineProperty(error, "toString", { value: () => "pulumi-vox" });
      }
      throw error;
    }
  };
}

export const check = reportedByTheEngine(checkRecord);
export const diff = reportedByTheEngine(diffRecord);
export const read = reportedByTheEngine(readRecord);
/** `delete` is a reserved word, so the implementation is named deleteRecord. */
const deleteReported = reportedByTheEngine(deleteRecord);
export { deleteReported as delete };
