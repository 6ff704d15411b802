/**
 * An error after a write that vox.ai already holds (a campaign created, paused by us): it carries the
 * campaign's id and the outputs to record, and the engine keeps them in state (for a create, as a resource
 * that "failed to initialize"), so the next `up` starts from what vox.ai holds and finishes the job.
 *
 * With an id, the engine prints the error's `reasons`, not its message ("resource init failed" when there
 * are none): the message is given as the one reason, so that its advice is seen.
 */
export function recordedFailure<E extends Error>(error: E, id: string, outputs: Record<string, unknown>): E {
  return Object.assign(error, { id, properties: outputs, reasons: [error.message] });
}
