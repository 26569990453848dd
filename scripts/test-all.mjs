// Runs every test suite (the analyzer's xunit tests, then the host's ava tests) and ends
// with one line "N passed, N failed" that totals both. Exits non-zero when any test failed
// or a suite could not run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const totals = { passed: 0, failed: 0 };
let suiteProblem = false;

await runXunit();
await runAva();

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 || suiteProblem ? 1 : 0;

async function runXunit() {
  const results = mkdtempSync(path.join(os.tmpdir(), 'oqjob-xunit-'));
  try {
    const code = await run('dotnet', [
      'test',
      'analyzer-cs/Oqjob.Analyzers.Tests/Oqjob.Analyzers.Tests.csproj',
      '--nologo',
      '--logger',
      'trx;LogFileName=results.trx',
      '--logger',
      'console;verbosity=minimal',
      '--results-directory',
      results,
    ]);
    const counts = readTrxCounts(results);
    if (!counts) {
      console.error(`xunit: no test results were written (dotnet test exited with code ${code}).`);
      suiteProblem = true;
      return;
    }

    console.log(`xunit: ${counts.passed} passed, ${counts.failed} failed`);
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    if (code !== 0 && counts.failed === 0) {
      suiteProblem = true;
    }
  } finally {
    rmSync(results, { recursive: true, force: true });
  }
}

async function runAva() {
  let tap = '';
  const code = await run('npx', ['ava', '--tap'], (chunk) => {
    tap += chunk;
  });
  const passed = Number(/^# pass (\d+)$/m.exec(tap)?.[1] ?? 'NaN');
  const failed = Number(/^# fail (\d+)$/m.exec(tap)?.[1] ?? '0');
  if (Number.isNaN(passed)) {
    console.error(`ava: no TAP summary was printed (ava exited with code ${code}).`);
    suiteProblem = true;
    return;
  }

  console.log(`ava: ${passed} passed, ${failed} failed`);
  totals.passed += passed;
  totals.failed += failed;
  if (code !== 0 && failed === 0) {
    suiteProblem = true;
  }
}

function readTrxCounts(folder) {
  const trx = readdirSync(folder, { recursive: true }).find((name) => String(name).endsWith('.trx'));
  if (!trx) {
    return undefined;
  }

  const text = readFileSync(path.join(folder, String(trx)), 'utf8');
  const counters = /<Counters\b([^>]*)\/?>/.exec(text)?.[1] ?? '';
  const read = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(counters)?.[1] ?? '0');
  return { passed: read('passed'), failed: read('failed') + read('error') + read('timeout') + read('aborted') };
}

/** Runs a command with its output shown; `onStdout` also receives standard output when given. */
function run(command, args, onStdout) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', onStdout ? 'pipe' : 'inherit', 'inherit'] });
    child.stdout?.on('data', (chunk) => {
      process.stdout.write(chunk);
      onStdout(chunk.toString());
    });
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(127);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}
