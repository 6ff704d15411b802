import { BENCH_API_KEY } from "./http";

/** The runtime's functions; the type comes from the source, the code from the installed package. */
export type VoxRuntime = typeof import("../../provider/runtime");
export type Props = Record<string, unknown>;

/**
 * The pace the in-process and CLI rows set (`vox:requestsPerSecond`), against an emulator without a rate
 * limit: high enough that the provider's own cost is measured, not the wait for the API's 5 requests/s.
 */
export const LIFTED_PACE = "1000";

/**
 * The provider runtime as the serialized provider loads it (`require("pulumi-vox/runtime")`: the built
 * package, so `npm run build` first), configured as the engine would from stack config, at the lifted
 * pace. Configuring again starts a new provider process's memory (its recognition list, say).
 */
export async function configuredRuntime(baseUrl: string): Promise<VoxRuntime> {
  const runtime = require("pulumi-vox/runtime") as VoxRuntime;
  const config: Record<string, string> = { "vox:apiKey": BENCH_API_KEY, "vox:baseUrl": baseUrl, "vox:requestsPerSecond": LIFTED_PACE };
  await runtime.configure({ config: { get: (key: string) => config[key] } });
  return runtime;
}

/** check as the engine calls it, throwing on any failure (a bench of a refused input measures nothing). */
export async function checked(runtime: VoxRuntime, news: Props, olds: Props = {}): Promise<Props> {
  const result = await runtime.check(olds, news);
  if (result.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(result.failures.slice(0, 3))}`);
  return result.inputs;
}
