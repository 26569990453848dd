// Copies the files that tsc does not emit (the MSBuild targets file and its analyzer config) next to the compiled CLI.
import { cpSync } from 'node:fs';

cpSync('ts-host/dotnet/oqjob.targets', 'dist/ts-host/dotnet/oqjob.targets');
cpSync('ts-host/dotnet/oqjob-host.globalconfig', 'dist/ts-host/dotnet/oqjob-host.globalconfig');
