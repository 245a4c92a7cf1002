/**
 * Memory and CPU of a process under test, read from /proc (Linux only, as the bench is).
 * VmHWM is the kernel's own peak resident set size over the process's life, so it is never
 * missed between samples.
 */
import { readFileSync } from 'node:fs';

/** The `Vm*` fields of /proc/<pid>/status, in KiB. */
function statusFields(pid) {
  const fields = {};
  for (const line of readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')) {
    const match = /^(Vm\w+):\s+(\d+) kB/.exec(line);
    if (match !== null) fields[match[1]] = Number(match[2]);
  }
  return fields;
}

/** Peak resident set size (VmHWM) in MiB. */
export function peakRssMiB(pid) {
  return (statusFields(pid).VmHWM ?? Number.NaN) / 1024;
}

/** Current resident set size (VmRSS) in MiB. */
export function rssMiB(pid) {
  return (statusFields(pid).VmRSS ?? Number.NaN) / 1024;
}

/** CPU time (user + system) the process has used so far, in seconds. */
export function cpuSeconds(pid) {
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ, 100 on every Linux the bench runs on.
  return (Number(rest[11]) + Number(rest[12])) / ticksPerSecond;
}

/** Direct children of a process (nginx: the master's worker). */
export function childPids(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * CPU time the whole machine spent in user and system mode so far (all CPUs, in seconds),
 * without idle, I/O wait and interrupt time. Compared with the processes a bench run knows,
 * it shows how much CPU something else on the machine took during the run.
 */
export function machineBusySeconds() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const [user = 0, nice = 0, system = 0] = fields;
  return (user + nice + system) / 100;
}
