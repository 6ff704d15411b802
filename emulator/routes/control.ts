import { Emulator } from "../emulator";
import { ApiError, validationError } from "../errors";
import { ActiveFault, validateFaultSpec } from "../faults";
import { toV3Campaign } from "../campaigns/views";
import { Route } from "../http/router";
import { childPath, readBoolean, readObject, rejectUnknownFields } from "../validation/fields";

/** A control request: no auth, no faults, not counted in the request log. */
export interface ControlRequest {
  params: string[];
  body: unknown;
}

/** Every control endpoint answers 200 with a JSON body. */
export type ControlHandler = (request: ControlRequest) => unknown;

/** The prefix of the control endpoints. */
export const CONTROL_PREFIX = "/_emulator/";

/** The `/_emulator/` endpoints: health, reset, clock, faults, the request log and changes made in the dashboard. */
export function controlRoutes(emulator: Emulator): Array<Route<ControlHandler>> {
  const faultList = () => ({ faults: emulator.faults.list() });
  return [
    {
      method: "GET",
      pattern: "/_emulator/health",
      handler: () => ({ status: "ok", campaigns: emulator.store.size, now: emulator.clock.now() }),
    },
    {
      method: "POST",
      pattern: "/_emulator/reset",
      handler: ({ body }) => {
        const object = body === undefined ? {} : readObject(body, "");
        rejectUnknownFields(object, ["requestLogOnly"], "");
        const scope = object.requestLogOnly !== undefined && readBoolean(object.requestLogOnly, "requestLogOnly") ? "requests" : "all";
        emulator.reset(scope);
        return { reset: scope };
      },
    },
    { method: "GET", pattern: "/_emulator/clock", handler: () => emulator.clockView() },
    {
      method: "POST",
      pattern: "/_emulator/clock",
      handler: ({ body }) => {
        const object = readObject(body, "");
        rejectUnknownFields(object, ["advanceMs", "set"], "");
        if ((object.advanceMs === undefined) === (object.set === undefined)) {
          throw validationError("body", "must contain exactly one of advanceMs and set", ["advanceMs", "set"]);
        }
        return object.set === undefined ? emulator.advanceClock(object.advanceMs as number) : emulator.setClock(object.set as number);
      },
    },
    { method: "GET", pattern: "/_emulator/faults", handler: faultList },
    {
      method: "POST",
      pattern: "/_emulator/faults",
      handler: ({ body }) => {
        const specs = Array.isArray(body)
          ? body.map((spec, index) => validateFaultSpec(spec, childPath("", index)))
          : [validateFaultSpec(body)];
        const added: ActiveFault[] = specs.map((spec) => emulator.faults.add(spec));
        return { added, ...faultList() };
      },
    },
    {
      method: "DELETE",
      pattern: "/_emulator/faults",
      handler: () => {
        emulator.faults.clear();
        return faultList();
      },
    },
    {
      method: "DELETE",
      pattern: "/_emulator/faults/{id}",
      handler: ({ params }) => {
        if (!emulator.faults.remove(params[0])) throw new ApiError(404, "NOT_FOUND", { field: "id", reason: "no fault with this id" });
        return faultList();
      },
    },
    {
      method: "PATCH",
      pattern: "/_emulator/campaigns/{id}",
      handler: ({ params, body }) => toV3Campaign(emulator.campaigns.changeInDashboard(params[0], body)),
    },
    { method: "GET", pattern: "/_emulator/requests", handler: () => emulator.requestLog.snapshot() },
    {
      method: "DELETE",
      pattern: "/_emulator/requests",
      handler: () => {
        emulator.reset("requests");
        return emulator.requestLog.snapshot();
      },
    },
  ];
}
