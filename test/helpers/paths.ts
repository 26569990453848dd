import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from dist/test/..., two levels below dist). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const fixturesRoot = path.join(repoRoot, 'fixtures');
export const goldenRoot = path.join(repoRoot, 'test', 'golden');
export const cliPath = path.join(repoRoot, 'dist', 'ts-host', 'cli', 'main.js');
