/**
 * Where `check` of 10,000 tasks spends its time: V8's CPU profiler (the one `node --cpu-prof` uses),
 * started through the inspector around the check calls only, so that module loading and ts-node's
 * compiling stay out of it. Prints the top functions by self time; `--out FILE` keeps the
 * .cpuprofile (open it in Chrome DevTools or speedscope).
 *
 * Run: npx tsc -p tsconfig.json && npx ts-node bench/profile-check.ts [--runs 5] [--out check.cpuprofile]
 */
import * as fs from "node:fs";
import { Session } from "node:inspector";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { campaignArgs, rawTasks } from "./support/campaigns";
import { table } from "./support/report";
import { checked, configuredRuntime } from "./support/runtime";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function post<T>(session: Session, method: string, params: object = {}): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
}

/** `node_modules/libphonenumber-js/…` or `dist/provider/…`, not the whole path. */
function shortLocation(url: string, line: number): string {
  if (url === "") return "(native)";
  const file = url.replace(/^file:\/\//, "");
  const repo = path.resolve(__dirname, "..");
  const inModules = file.lastIndexOf("/node_modules/");
  const short = inModules >= 0 ? file.slice(inModules + 1) : path.relative(repo, file);
  return `${short}:${line + 1}`;
}

/**
 * Self time per function (summed over its call sites), most first. A sample lasts until the next one
 * (as Chrome DevTools counts it), so the profiler's own start and stop calls, at the ends, weigh nothing.
 */
function selfTimes(profile: CpuProfile): { name: string; location: string; ms: number }[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, { name: string; location: string; ms: number }>();
  profile.samples.forEach((id, index) => {
    const frame = byNode.get(id)!.callFrame;
    const location = shortLocation(frame.url, frame.lineNumber);
    const key = `${frame.functionName}@${location}`;
    const entry = totals.get(key) ?? { name: frame.functionName || "(anonymous)", location, ms: 0 };
    entry.ms += (profile.timeDeltas[index + 1] ?? 0) / 1000;
    totals.set(key, entry);
  });
  return [...totals.values()].sort((a, b) => b.ms - a.ms);
}

/** `libphonenumber-js`, `zod`, `dist/provider/schema/phone.js`, `(native)`: who owns a location. */
function owner(location: string): string {
  const file = location.replace(/:\d+$/, "");
  const inModules = /^node_modules\/((@[^/]+\/)?[^/]+)/.exec(file);
  return inModules ? inModules[1] : file;
}

function shares(entries: { name: string; ms: number }[], total: number, top: number, heading: string): string {
  const rows = entries
    .slice(0, top)
    .map((entry) => [...entry.name.split("\t"), `${entry.ms.toFixed(0)} ms`, `${((100 * entry.ms) / total).toFixed(1)}%`]);
  return table([...heading.split("\t"), "self time", "share"], rows);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: "string", default: "5" }, out: { type: "string" }, top: { type: "string", default: "10" } },
  });
  const runs = Number(values.runs);
  // check makes no request; the URL is never called.
  const runtime = await configuredRuntime("http://127.0.0.1:9");
  const raw = campaignArgs("Profile", { tasks: rawTasks(10_000) });
  await checked(runtime, raw); // warm-up: the first call compiles and loads lazily
  const session = new Session();
  session.connect();
  await post(session, "Profiler.enable");
  await post(session, "Profiler.setSamplingInterval", { interval: 1000 });
  await post(session, "Profiler.start");
  for (let run = 0; run < runs; run++) await checked(runtime, raw);
  const { profile } = await post<{ profile: CpuProfile }>(session, "Profiler.stop");
  session.disconnect();
  if (values.out) fs.writeFileSync(values.out, JSON.stringify(profile));
  const functions = selfTimes(profile);
  const total = functions.reduce((sum, entry) => sum + entry.ms, 0);
  console.log(`check of 10,000 tasks × ${runs}: ${total.toFixed(0)} ms profiled, ${(total / runs).toFixed(0)} ms per check\n`);
  const top = Number(values.top);
  console.log(
    shares(
      functions.map((entry) => ({ name: `${entry.name}\t${entry.location}`, ms: entry.ms })),
      total,
      top,
      "function\twhere",
    ),
  );
  const byOwner = new Map<string, number>();
  for (const entry of functions) byOwner.set(owner(entry.location), (byOwner.get(owner(entry.location)) ?? 0) + entry.ms);
  const owners = [...byOwner].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  console.log(`\n${shares(owners, total, top, "package or file")}`);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exitCode = 1;
});
