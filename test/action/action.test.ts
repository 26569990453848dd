import { readFile } from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import { execa } from 'execa';
import { parse } from 'yaml';
import { cliPath, repoRoot } from '../helpers/paths.js';

// Checks action.yml against the command line it drives, so that the two cannot drift apart.

interface ActionStep {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = (async () => parse(await readFile(path.join(repoRoot, 'action.yml'), 'utf8')) as Action)();

/** Returns each oqjob subcommand that a step runs, with the long flags of that step's script. */
function oqjobCalls(steps: ActionStep[]): Array<{ step: string; command: string; flags: string[] }> {
  const calls = [];
  for (const step of steps) {
    const commands = [...new Set([...(step.run ?? '').matchAll(/^\s*oqjob ([a-z]+)\b/gm)].map((match) => match[1]!))];
    if (commands.length === 0) {
      continue;
    }

    const flags = [...new Set([...step.run!.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((match) => match[0]))];
    calls.push({ step: step.name ?? '', command: commands.join(' '), flags });
  }

  return calls;
}

test('action - composite, every step named', async (t) => {
  const { runs } = await action;

  t.is(runs.using, 'composite');
  for (const step of runs.steps) {
    t.truthy(step.name, 'a step has no name');
    t.true(step.uses !== undefined || step.shell === 'bash', `step "${step.name}" must set shell: bash`);
  }
});

test('action - every input is used', async (t) => {
  const { inputs, runs, outputs } = await action;
  const text = JSON.stringify({ steps: runs.steps, outputs });

  for (const name of Object.keys(inputs)) {
    t.true(text.includes(`inputs.${name}`), `input "${name}" is declared but never used`);
  }
});

test('action - every input used is declared', async (t) => {
  const { inputs, runs, outputs } = await action;
  const text = JSON.stringify({ steps: runs.steps, outputs });

  for (const [, name] of text.matchAll(/inputs\.([a-z][a-z0-9-]*)/g)) {
    t.true(name! in inputs, `"inputs.${name}" is used but not declared`);
  }
});

test('action - scripts take inputs through env only', async (t) => {
  // An expression inside a script would be pasted into the shell before it runs.
  const { runs } = await action;

  for (const step of runs.steps.filter((candidate) => candidate.run)) {
    t.notRegex(step.run!, /\$\{\{/, `step "${step.name}" expands an expression inside its script`);
  }
});

test('action - scripts are valid bash', async (t) => {
  const { runs } = await action;

  for (const step of runs.steps.filter((candidate) => candidate.run)) {
    const result = await execa('bash', ['-n'], { input: step.run!, reject: false });
    t.is(result.exitCode, 0, `step "${step.name}": ${String(result.stderr)}`);
  }
});

test('action - oqjob commands and flags exist', async (t) => {
  const calls = oqjobCalls((await action).runs.steps);
  t.deepEqual(calls.map((call) => call.command).sort(), ['check', 'upload']);

  for (const { step, command, flags } of calls) {
    const help = await execa(process.execPath, [cliPath, command, '--help']);
    for (const flag of flags) {
      t.regex(String(help.stdout), new RegExp(`(^|[\\s,])${flag}\\b`, 'm'), `step "${step}": oqjob ${command} has no flag ${flag}`);
    }
  }
});

test('action - check writes SARIF and keeps going', async (t) => {
  const check = (await action).runs.steps.find((step) => step.id === 'check');

  t.truthy(check);
  t.regex(check!.run ?? '', /--format sarif --output "\$OQJOB_SARIF_FILE"/);
  t.regex(check!.run ?? '', /\|\| status=\$\?/, 'the check step must not stop before the upload');
});

test('action - actions pinned to a major version', async (t) => {
  for (const step of (await action).runs.steps.filter((candidate) => candidate.uses)) {
    t.regex(step.uses!, /^[\w-]+\/[\w-]+@v\d+$/, `step "${step.name}" uses ${step.uses}`);
  }
});
