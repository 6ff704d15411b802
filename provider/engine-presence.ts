import * as fs from "fs";
import { UserFacingError } from "./errors";

/**
 * Whether the Pulumi engine that started this provider host is still there.
 *
 * The engine starts the dynamic-provider host (`pulumi-resource-pulumi-nodejs`, a `sh` script that runs
 * `node …/cmd/dynamic-provider`) in a process group of its own (sdk/go/common/resource/plugin/plugin.go,
 * `execPlugin`: `cmdutil.RegisterProcessGroup`), so a SIGKILL of `pulumi` or of its process group (the OOM
 * killer, `timeout -s KILL`, a CI runner) leaves the host alive, and it would go on with its queued creates
 * although nothing can record their campaigns any more. What the host can observe:
 * - its parent process: the `sh` wrapper, which waits for node and outlives the engine, so a changed
 *   parent id says nothing;
 * - the engine's address (its first argument): polling it costs a connection per check, and a port may be
 *   reused by another process;
 * - its stdin: the engine keeps the write end of a pipe (`cmd.StdinPipe()`) that it never writes to or
 *   closes, and that no other process holds (Go opens pipes close-on-exec). The kernel closes it when the
 *   engine exits, however it exits, so end-of-file on stdin means the engine is gone, at once and without
 *   polling. That is the signal used here.
 * When stdin is neither a pipe nor a socket (a test or script that starts the host itself, with stdin from /dev/null or a
 * terminal), nothing is watched and the engine counts as present.
 */
let engineGone = false;

/** Thrown instead of sending a request after the engine has gone: nothing could record what it does. */
export class EngineGoneError extends UserFacingError {
  override name = "EngineGoneError";
}

/**
 * Throws when the engine has gone. Called before every API request and every retry, so that no create,
 * update, cancel or retry is sent for an engine that cannot record it (the host also exits at once).
 */
export function assertEngineConnected(request: string): void {
  if (engineGone) {
    throw new EngineGoneError(`${request} not sent: the Pulumi engine that started this provider has exited`);
  }
}

/**
 * Watches stdin when it is a pipe (as the engine starts the host): at its end the engine is gone, every
 * later request is refused, and the host exits, dropping whatever was queued or waiting for a retry.
 */
export function watchEngine(): void {
  if (!stdinIsPipe()) return;
  const gone = () => {
    engineGone = true;
    process.exit(1);
  };
  process.stdin.on("end", gone);
  process.stdin.on("close", gone);
  process.stdin.on("error", gone);
  // Flowing mode, so that end-of-file is read; the engine never writes anything to discard.
  process.stdin.resume();
}

/** A pipe, as Go's `os.Pipe` makes it, or a socket pair, as Node's `spawn` makes a "pipe". */
function stdinIsPipe(): boolean {
  try {
    const stat = fs.fstatSync(0);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}
