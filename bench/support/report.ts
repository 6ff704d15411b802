import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** A markdown table, so that the output pastes into bench/RESULTS.md as it is. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** The machine the figures came from: they mean little without it. */
export function machine(cliDir: string | undefined): string {
  const cpu = os.cpus();
  const pulumi = cliDir ? execFileSync(path.join(cliDir, "pulumi"), ["version"], { encoding: "utf8" }).trim() : "not used";
  const sdk = (JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")) as { version: string }).version;
  return [
    `date: ${new Date().toISOString()}`,
    `cpu: ${cpu.length} × ${cpu[0]?.model ?? "unknown"}; memory: ${mib(os.totalmem())}`,
    `node: ${process.version}; pulumi CLI: ${pulumi}; @pulumi/pulumi: ${sdk}`,
  ].join("\n");
}
