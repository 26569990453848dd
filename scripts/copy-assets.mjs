// Copies the files that tsc does not emit (the MSBuild targets file) next to the compiled CLI.
import { cpSync } from 'node:fs';

cpSync('ts-host/dotnet/oqjob.targets', 'dist/ts-host/dotnet/oqjob.targets');
