/** The bench's tables, one per section, as markdown. */
import { CliRow } from "./cli-rows";
import { GrowthPoint } from "./growth";
import { RatioRow, RequestCountRow } from "./in-process";
import { LARGE_CAMPAIGNS, LARGE_TASKS, LargeRow } from "./large-rows";
import { PaceRow } from "./pace-row";
import { mib, seconds, table } from "./support/report";
import { formatSummary } from "./support/stats";

const ms = (value: number) => `${value.toFixed(1)} ms`;

export function printRequestCounts(rows: RequestCountRow[]): void {
  console.log("## API requests per provider operation (1,000-task campaign; the emulator's request log)\n");
  const counts = (row: RequestCountRow) =>
    Object.entries(row.counts)
      .map(([request, n]) => `${n} × ${request}`)
      .join(", ") || "none";
  console.log(
    `${table(
      ["operation", "requests"],
      rows.map((row) => [row.operation, counts(row)]),
    )}\n`,
  );
}

export function printInProcessRows(rows: RatioRow[]): void {
  console.log("## Provider runtime in process, against floors (medians, range in parentheses)\n");
  const cells = (row: RatioRow) => [
    row.name,
    row.floor,
    ms(row.floorMs.median),
    ms(row.oursMs.median),
    formatSummary(row.ratio, "×"),
    String(row.ratio.runs),
  ];
  console.log(`${table(["row", "floor", "floor time", "our time", "ratio", "runs"], rows.map(cells))}\n`);
}

export function printCliRows(rows: CliRow[], campaigns: number, tasks: number): void {
  console.log(`## pulumi CLI: ${campaigns} campaigns × ${tasks} tasks against ${campaigns} trivial dynamic resources\n`);
  const cells = (row: CliRow) => [
    `${row.operation} (${row.kind === "inline" ? "inline tasks" : "tasksFile CSV"})`,
    seconds(row.floorMs.median),
    seconds(row.oursMs.median),
    formatSummary(row.ratio, "×"),
    mib(row.floorPeakBytes.median),
    mib(row.oursPeakBytes.median),
    String(row.ratio.runs),
  ];
  const header = ["command", "trivial", "ours", "ratio", "trivial peak memory", "our peak memory", "runs"];
  console.log(`${table(header, rows.map(cells))}\n`);
  printCpuByRole(rows);
}

/** Where the CPU time goes: seconds by process, the trivial stack's first, then ours. */
function printCpuByRole(rows: CliRow[]): void {
  const roles = [...new Set(rows.flatMap((row) => [...Object.keys(row.oursCpu), ...Object.keys(row.floorCpu)]))].sort();
  const cpu = (byRole: Record<string, number>) => roles.map((role) => (byRole[role] ?? 0).toFixed(1));
  const trivialRows = rows.filter((row) => row.kind === "inline").map((row) => [`${row.operation} (trivial)`, ...cpu(row.floorCpu)]);
  const ourRows = rows.map((row) => [`${row.operation} (${row.kind})`, ...cpu(row.oursCpu)]);
  console.log("CPU seconds by process (medians; sampled every 200 ms, so a lower bound):\n");
  console.log(`${table(["command", ...roles], [...trivialRows, ...ourRows])}\n`);
}

/** Growth between two points per added campaign; equal slopes on both stretches mean linear growth. */
function slope(points: GrowthPoint[], value: (point: GrowthPoint) => number, from: number, to: number): number {
  const at = (campaigns: number) => points.find((point) => point.campaigns === campaigns)!;
  return (value(at(to)) - value(at(from))) / (to - from);
}

export function printGrowth(points: GrowthPoint[], tasks: number): void {
  console.log(`## Growth with the number of campaigns (${tasks} inline tasks each) and of trivial resources\n`);
  const counts = [...new Set(points.map((point) => point.campaigns))];
  const of = (kind: string) => points.filter((point) => point.kind === kind);
  const rows = counts.map((campaigns) => {
    const [trivial, ours] = ["trivial", "inline"].map((kind) => of(kind).find((point) => point.campaigns === campaigns)!);
    return [
      String(campaigns),
      seconds(trivial.previewMs),
      seconds(ours.previewMs),
      seconds(trivial.upMs),
      seconds(ours.upMs),
      `${trivial.stateBytes}`,
      `${ours.stateBytes}`,
      `${(ours.stateBytes / campaigns / 1024).toFixed(1)} KiB`,
    ];
  });
  const header = [
    "campaigns",
    "trivial preview",
    "our preview",
    "trivial up",
    "our up",
    "trivial state B",
    "our state B",
    "our state / campaign",
  ];
  console.log(`${table(header, rows)}\n`);
  const [first, middle, last] = counts;
  const linearity = [
    ["preview ms", (point: GrowthPoint) => point.previewMs],
    ["up ms", (point: GrowthPoint) => point.upMs],
    ["state bytes", (point: GrowthPoint) => point.stateBytes],
  ] as const;
  const slopeRows = linearity.flatMap(([name, value]) =>
    ["trivial", "inline"].map((kind) => {
      const early = slope(of(kind), value, first, middle);
      const late = slope(of(kind), value, middle, last);
      return [`${name} (${kind === "inline" ? "ours" : kind})`, early.toFixed(0), late.toFixed(0), (late / early).toFixed(2)];
    }),
  );
  console.log("Per added campaign (a late/early ratio near 1 is linear growth; well above 1 is worse than linear):\n");
  console.log(`${table(["figure", `${first}→${middle}`, `${middle}→${last}`, "late / early"], slopeRows)}\n`);
  const perCampaign = (kind: string) => slope(of(kind), (point) => point.stateBytes, first, last);
  console.log(
    `State per ${tasks}-task campaign (marginal, ${first}→${last}): ours ${(perCampaign("inline") / 1024).toFixed(1)} KiB, ` +
      `trivial resource ${(perCampaign("trivial") / 1024).toFixed(1)} KiB, ratio ${(perCampaign("inline") / perCampaign("trivial")).toFixed(1)}×\n`,
  );
}

export function printPaceRow(row: PaceRow): void {
  console.log(`## \`pulumi up\` of ${row.campaigns} campaigns at the default pace, against the API's rate limit (5/s, bursts of 10)\n`);
  const cells = [
    String(row.requests),
    String(row.throttled),
    seconds(row.floorMs),
    seconds(row.trivialMs.median),
    seconds(row.oursMs.median),
    formatSummary(row.ratio, "×"),
    String(row.ratio.runs),
  ];
  const header = [
    "requests",
    "answered 429",
    "rate floor (requests ÷ 5/s)",
    "trivial up (same run)",
    "up",
    "ratio to the rate floor",
    "runs",
  ];
  console.log(`${table(header, [cells])}\n`);
}

export function printLargeRow(row: LargeRow): void {
  console.log(
    `## \`pulumi up\` of ${LARGE_CAMPAIGNS} campaigns × ${LARGE_TASKS} tasks against ${LARGE_CAMPAIGNS} trivial dynamic resources\n`,
  );
  const cells = [
    seconds(row.floorMs.median),
    seconds(row.oursMs.median),
    formatSummary(row.ratio, "×"),
    mib(row.floorPeakBytes.median),
    mib(row.oursPeakBytes.median),
    formatSummary(row.memoryRatio, "×"),
    String(row.ratio.runs),
  ];
  const header = ["trivial up", "our up", "ratio", "trivial peak memory", "our peak memory", "memory ratio", "runs"];
  console.log(`${table(header, [cells])}\n`);
  const { trivial, inline } = row.byRole;
  const roles = [...new Set([...Object.keys(trivial.cpuByRole), ...Object.keys(inline.cpuByRole)])].sort();
  const cpu = (cost: typeof trivial, role: string) => (cost.cpuByRole[role] ?? 0).toFixed(1);
  const memory = (cost: typeof trivial, role: string) => mib(cost.peakBytesByRole[role] ?? 0);
  const rows = roles.map((role) => [role, cpu(trivial, role), cpu(inline, role), memory(trivial, role), memory(inline, role)]);
  console.log("By process (the last run; CPU sampled every 200 ms, so a lower bound):\n");
  console.log(`${table(["process", "trivial CPU s", "our CPU s", "trivial peak memory", "our peak memory"], rows)}\n`);
}
