/**
 * CPU time used by processes, read from Linux's /proc: what a benchmark's server and its database backends spend
 * per request. Unlike requests per second, this changes little when other work shares the machine, so runs on a
 * busy machine can still be compared.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc counts CPU time in 1/100 s on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  /** User + system CPU in milliseconds. */
  cpuMs: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { ppid: Number(fields[1]), cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return null; // ended meanwhile
  }
}

/** A process and all its descendants (a server that forks workers, a wrapper that starts node). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (stat) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

/** CPU milliseconds used so far, per process (processes that have ended count 0). */
export function cpuMs(pids: number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, readStat(pid)?.cpuMs ?? 0]));
}

/** CPU spent between two readings; a process missing from `before` started in between and counts whole. */
export function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}
