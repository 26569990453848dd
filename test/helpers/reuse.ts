import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from './fixtures.js';

/** One `oqjob check --format json --debug` run, with the projects whose analysis was reused or redone. */
export interface DebugCheck {
  exitCode: number;
  stderr: string;
  report: { findings: Array<{ ruleId: string; file: string; line: number; message: string }>; build: { succeeded: boolean } };
  /** Project file names whose compile was up to date, so their stored analysis was read. */
  reused: string[];
  /** Project file names compiled and analysed in this run. */
  analysed: string[];
}

/** Runs the CLI on `target` inside `folder` and sorts the projects by what its --debug output reports for them. */
export async function checkWithDebug(folder: string, target: string, extra: string[] = [], env: Record<string, string> = {}, cli?: string): Promise<DebugCheck> {
  const run = await runCli(['check', target, '--format', 'json', '--debug', ...extra], folder, env, cli);
  const projectsAfter = (prefix: string) =>
    [...run.stderr.matchAll(new RegExp(`^debug: ${prefix}: (.+?)(?: \\([^)]*\\))?$`, 'gm'))].map((match) => path.basename(match[1] as string)).sort();
  return {
    exitCode: run.exitCode,
    stderr: run.stderr,
    report: JSON.parse(run.stdout || '{"findings":[],"build":{"succeeded":false}}'),
    reused: projectsAfter('compile up to date, analysis reused'),
    analysed: projectsAfter('compiled and analysed in this run'),
  };
}

/** Returns the stored compiler logs below `folder` (oqjob.targets keeps them in obj/.../oqjob/PROJECT/), by path, with their modification times. */
export async function storedLogs(folder: string): Promise<Map<string, number>> {
  const logs = new Map<string, number>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && entry.name.endsWith('.sarif') && path.basename(path.dirname(entry.parentPath)) === 'oqjob') {
      logs.set(full, (await stat(full)).mtimeMs);
    }
  }

  return logs;
}
