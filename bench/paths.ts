import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file runs from dist/bench/. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = path.join(repoRoot, 'dist', 'ts-host', 'cli', 'main.js');
export const analyzerPath = path.join(repoRoot, 'dist', 'analyzer', 'Oqjob.Analyzers.dll');
export const targetsPath = path.join(repoRoot, 'dist', 'ts-host', 'dotnet', 'oqjob.targets');
