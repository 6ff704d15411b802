import * as fs from 'node:fs';

/** Parent pid of every process, from /proc (Linux only). */
function parents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // The command name, in parentheses, may hold spaces: the fields after its closing one are fixed.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  return children;
}

/** Every process below `root`, except the subtrees of `excluded`. */
function descendants(root: number, excluded: ReadonlySet<number>): number[] {
  const children = parents();
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
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples the summed resident memory of this process's descendants (the pulumi CLI, its language host,
 * the program, the dynamic-provider hosts) every `intervalMs`, and keeps the peak. Short peaks between
 * samples are missed, so the figure is a lower bound.
 */
export class PeakTreeMemory {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(excludedPids: number[], intervalMs = 200) {
    const excluded = new Set(excludedPids);
    this.timer = setInterval(() => {
      const total = descendants(process.pid, excluded).reduce((sum, pid) => sum + rssBytes(pid), 0);
      this.peak = Math.max(this.peak, total);
    }, intervalMs);
  }

  /** Stops sampling; the peak in bytes. */
  stop(): number {
    clearInterval(this.timer);
    return this.peak;
  }
}
