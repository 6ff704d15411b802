/**
 * Every row of issue 23's table against its floor and goal, from the figures of one bench run, beside
 * what the issue measured before.
 */
import type { CliRow } from "./cli-rows";
import type { GrowthPoint } from "./growth";
import type { RatioRow } from "./in-process";
import type { LargeRow } from "./large-rows";
import type { PaceRow } from "./pace-row";
import { table } from "./support/report";

export interface BenchFigures {
  inProcess?: { rows: RatioRow[]; statusRequests: number };
  cli?: CliRow[];
  pace?: PaceRow;
  large?: LargeRow;
  growth?: GrowthPoint[];
}

interface Goal {
  row: string;
  floor: string;
  before: string;
  now: string;
  goal: string;
  met: boolean;
}

const times = (value: number) => `${value.toFixed(2)}×`;

function inProcessGoals(rows: RatioRow[], statusRequests: number): Goal[] {
  const ratio = (name: string) => rows.find((row) => row.name.startsWith(name))!;
  const status = ratio("`pulumi-vox status`");
  const goal = (name: string, floor: string, before: string, most: number): Goal => {
    const median = ratio(name).ratio.median;
    return { row: ratio(name).name, floor, before, now: times(median), goal: `≤ ${most}×`, met: median <= most };
  };
  return [
    goal("check + diff", "`JSON.parse(JSON.stringify(tasks))`", "7–10×", 3),
    goal("create alone", "raw list request + raw POST of the same body", "~1.6×", 1.1),
    goal("check + create", "same", "2.2–2.6×", 1.5),
    {
      row: status.name,
      floor: "one list request",
      before: "100 GETs, 23 s",
      now: `${statusRequests} request${statusRequests === 1 ? "" : "s"}, ${status.oursMs.median.toFixed(0)} ms (${times(status.ratio.median)} the raw request)`,
      goal: "≤ 1 request per 500 campaigns, < 1 s",
      met: statusRequests <= 1 && status.oursMs.median < 1000,
    },
  ];
}

function cliGoals(rows: CliRow[]): Goal[] {
  const goals: Record<string, [string, number]> = {
    preview: ["1.52×", 1.3],
    up: ["1.93×", 1.5],
    "no-op up": ["1.56×", 1.3],
    destroy: ["1.65×", 1.3],
  };
  return rows
    .filter((row) => row.kind === "inline")
    .map((row) => {
      const [before, most] = goals[row.operation];
      return {
        row: `CLI 50 × 1,000: ${row.operation}`,
        floor: "50 trivial dynamic resources",
        before,
        now: times(row.ratio.median),
        goal: `≤ ${most}×`,
        met: row.ratio.median <= most,
      };
    });
}

function paceGoal(pace: PaceRow): Goal {
  return {
    row: `up of ${pace.campaigns} at the default pace`,
    floor: `the API's rate: ${pace.requests} requests ÷ 5/s = ${(pace.floorMs / 1000).toFixed(1)} s`,
    before: "100 requests, 26.5 s",
    now:
      `${pace.requests} requests (${pace.throttled} answered 429), ${(pace.oursMs.median / 1000).toFixed(1)} s, ${times(pace.ratio.median)} ` +
      `(an up of 50 trivial resources took ${(pace.trivialMs.median / 1000).toFixed(1)} s in this run)`,
    goal: "N + 1 requests, ≤ 1.2×",
    met: pace.requests === pace.campaigns + 1 && pace.ratio.median <= 1.2,
  };
}

function largeGoal(large: LargeRow): Goal {
  return {
    row: "500 × 100: up, peak memory",
    floor: "500 trivial resources",
    before: "3.0×, 2.53×",
    now: `${times(large.ratio.median)}, ${times(large.memoryRatio.median)}`,
    goal: "≤ 2×, ≤ 2×",
    met: large.ratio.median <= 2 && large.memoryRatio.median <= 2,
  };
}

/** Marginal state bytes per campaign (first to last point) against a trivial resource's plus the list as state holds it. */
function stateGoal(points: GrowthPoint[]): Goal {
  const of = (kind: string) => points.filter((point) => point.kind === kind).sort((a, b) => a.campaigns - b.campaigns);
  const marginal = (kind: string) => {
    const series = of(kind);
    const [first, last] = [series[0], series[series.length - 1]];
    return (last.stateBytes - first.stateBytes) / (last.campaigns - first.campaigns);
  };
  const ours = of("inline");
  const list = ours[ours.length - 1].listBytes;
  const floor = marginal("trivial") + list;
  const ratio = marginal("inline") / floor;
  return {
    row: "state per 100-task campaign",
    floor: `one trivial resource + the packed list (${marginal("trivial").toFixed(0)} + ${list.toFixed(0)} B)`,
    before: "~2× (7,442 B; `__provider` 1,956 B × 2)",
    now: `${times(ratio)} (${marginal("inline").toFixed(0)} B; \`__provider\` ${ours[ours.length - 1].providerBytes.toFixed(0)} B in all)`,
    goal: "≤ 1.3×",
    met: ratio <= 1.3,
  };
}

export function printGoals(figures: BenchFigures): void {
  const goals = [
    ...(figures.inProcess ? inProcessGoals(figures.inProcess.rows, figures.inProcess.statusRequests) : []),
    ...(figures.cli ? cliGoals(figures.cli) : []),
    ...(figures.pace ? [paceGoal(figures.pace)] : []),
    ...(figures.large ? [largeGoal(figures.large)] : []),
    ...(figures.growth ? [stateGoal(figures.growth)] : []),
  ];
  console.log("## Issue 23's rows, each against its floor in this run\n");
  const rows = goals.map((goal) => [goal.row, goal.floor, goal.before, goal.now, goal.goal, goal.met ? "met" : "not met"]);
  console.log(`${table(["row", "floor", "before (issue 23)", "now", "goal", ""], rows)}\n`);
}
