import * as fs from "node:fs";
import * as path from "node:path";

/** An agent id of the emulator's accepted form (any UUID). */
export const AGENT_ID = "3f1c2a9e-8b7d-4c6e-9f10-2a3b4c5d6e7f";
export const CALL_FROM = "02-1234-5678";

/** One task as a program spells it: a hyphenated mobile number and one prompt variable. */
export interface RawTask {
  callTo: string;
  dynamicVariables: { customerName: string };
}

/** The index-th mobile number, hyphenated as people type it. */
function mobileNumber(index: number): string {
  const digits = String(10_000_000 + index)
    .padStart(8, "0")
    .slice(-8);
  return `010-${digits.slice(0, 4)}-${digits.slice(4)}`;
}

function customerName(index: number): string {
  return `Customer ${index}`;
}

/** `count` tasks with distinct numbers; `offset` keeps the lists of several campaigns apart. */
export function rawTasks(count: number, offset = 0): RawTask[] {
  return Array.from({ length: count }, (_, i) => ({
    callTo: mobileNumber(offset + i),
    dynamicVariables: { customerName: customerName(offset + i) },
  }));
}

/** The same contacts as {@link rawTasks}, as a CSV contact list (`phone`, `var.customerName`). */
export function tasksCsv(count: number, offset = 0): string {
  const rows = rawTasks(count, offset).map((task) => `${task.callTo},${task.dynamicVariables.customerName}`);
  return ["phone,var.customerName", ...rows, ""].join("\n");
}

/** The args of a `vox.Campaign` (the public input surface only), with inline tasks or a contact list. */
export function campaignArgs(name: string, contacts: { tasks: RawTask[] } | { tasksFile: string }): Record<string, unknown> {
  return { name, agentId: AGENT_ID, callFrom: CALL_FROM, concurrency: 5, ...contacts };
}

/** The body a raw API caller would POST for the same campaign: numbers as digits, snake_case fields. */
export function createBody(name: string, tasks: RawTask[]): Record<string, unknown> {
  return {
    name,
    agent_id: AGENT_ID,
    call_from: CALL_FROM.replace(/-/g, ""),
    concurrency: 5,
    tasks: tasks.map((task) => ({ call_to: task.callTo.replace(/-/g, ""), dynamic_variables: task.dynamicVariables })),
  };
}

/** How a bench stack declares its campaigns: inline tasks, or one CSV contact list each. */
export type TaskSource = "inline" | "tasksFile";

/**
 * The campaigns.json specs of a stack: `campaigns` campaigns of `tasks` tasks each, distinct numbers
 * throughout. For `tasksFile`, writes each list to `<dir>/contacts/<name>.csv`.
 */
export function campaignSpecs(campaigns: number, tasks: number, source: TaskSource, dir: string) {
  if (source === "tasksFile") fs.mkdirSync(path.join(dir, "contacts"), { recursive: true });
  return Array.from({ length: campaigns }, (_, c) => {
    const name = `bench-${c}`;
    if (source === "inline") return { name, args: campaignArgs(name, { tasks: rawTasks(tasks, c * tasks) }) };
    const tasksFile = path.join("contacts", `${name}.csv`);
    fs.writeFileSync(path.join(dir, tasksFile), tasksCsv(tasks, c * tasks));
    return { name, args: campaignArgs(name, { tasksFile }) };
  });
}
