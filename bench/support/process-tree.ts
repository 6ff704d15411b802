import * as fs from "node:fs";

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture Node runs on

function readProc(pid: number, file: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return undefined; // exited meanwhile
  }
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid: number): string[] | undefined {
  const stat = readProc(pid, "stat");
  return stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** Children of every process, from /proc (Linux only). */
function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (!fields) continue;
    const ppid = Number(fields[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  return children;
}

/** Every process below `root`, except the subtrees of `excluded`. */
export function descendants(root: number, excluded: ReadonlySet<number>): number[] {
  const children = childrenByParent();
  const found: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    if (excluded.has(pid)) continue;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readProc(pid, "status") ?? "");
  return match ? Number(match[1]) * 1024 : 0;
}

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND : 0;
}

/** Which part of a Pulumi run a process is, from its command line. */
export function processRole(commandLine: string): string {
  if (commandLine.includes("dynamic-provider")) return "dynamic-provider host (node)";
  if (commandLine.includes("pulumi-language-nodejs")) return "language host (go)";
  if (/(^|\/)pulumi(\s|$)/.test(commandLine)) return "engine: pulumi CLI (go)";
  if (commandLine.includes("node")) return "program (node)";
  return "other";
}

/**
 * Samples the processes below this one (the pulumi CLI, its language host, the program, the
 * dynamic-provider hosts) every `intervalMs`: the peak of their summed resident memory, and the CPU
 * time of each by role. Both are lower bounds: a short peak, or the CPU a process uses after the
 * last sample before it exits, is missed.
 */
export class ProcessTreeSampler {
  private peak = 0;
  /** The peak of each role's summed resident memory. */
  private readonly peakByRole: Record<string, number> = {};
  private readonly cpu = new Map<number, { role: string; seconds: number }>();
  private readonly timer: NodeJS.Timeout;

  constructor(excludedPids: number[], intervalMs = 200) {
    const excluded = new Set(excludedPids);
    this.timer = setInterval(() => {
      const pids = descendants(process.pid, excluded);
      const memoryByRole: Record<string, number> = {};
      for (const pid of pids) {
        const known = this.cpu.get(pid);
        const role = known?.role ?? processRole((readProc(pid, "cmdline") ?? "").replace(/\0/g, " "));
        this.cpu.set(pid, { role, seconds: Math.max(known?.seconds ?? 0, cpuSeconds(pid)) });
        memoryByRole[role] = (memoryByRole[role] ?? 0) + rssBytes(pid);
      }
      this.peak = Math.max(
        this.peak,
        Object.values(memoryByRole).reduce((sum, bytes) => sum + bytes, 0),
      );
      for (const [role, bytes] of Object.entries(memoryByRole)) this.peakByRole[role] = Math.max(this.peakByRole[role] ?? 0, bytes);
    }, intervalMs);
  }

  /** Stops sampling: the peak memory in bytes (in all, and by role) and the CPU seconds by role. */
  stop(): { peakBytes: number; peakBytesByRole: Record<string, number>; cpuByRole: Record<string, number> } {
    clearInterval(this.timer);
    const cpuByRole: Record<string, number> = {};
    for (const { role, seconds } of this.cpu.values()) cpuByRole[role] = (cpuByRole[role] ?? 0) + seconds;
    return { peakBytes: this.peak, peakBytesByRole: { ...this.peakByRole }, cpuByRole };
  }
}
