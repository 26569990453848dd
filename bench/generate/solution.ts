import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../paths.js';
import { moduleBasesSource, sharedBasesSource } from './bases.js';
import { classesPerFile, generateClassFile } from './classes.js';
import { generateJob, type JobKind } from './jobs.js';
import { SeededRandom } from './random.js';
import type { SolutionSize } from './sizes.js';

/** A description of the generated solution, for the report. */
export interface GeneratedSolution {
  size: SolutionSize;
  /** The .slnx file, absolute. */
  solutionFile: string;
  /** The folder to run commands in: it contains the solution and the Oqtane stand-in. */
  root: string;
  files: number;
  lines: number;
  jobKinds: Partial<Record<JobKind, number>>;
}

interface ProjectPlan {
  name: string;
  namespace: string;
  assemblyName: string;
  references: string[];
  jobs: number;
  classes: number;
}

const sharedProject = 'Bench.Jobs.Common';

/**
 * Writes a module solution of the given size below `folder`, with a copy of the Oqtane
 * stand-in next to it. The same seed always writes the same files.
 */
export async function generateSolution(folder: string, size: SolutionSize, seed = 20260101): Promise<GeneratedSolution> {
  const random = new SeededRandom(seed);
  const solutionFolder = path.join(folder, `bench-${size.name}`);
  await cp(path.join(repoRoot, 'fixtures', 'oqtane'), path.join(folder, 'oqtane'), {
    recursive: true,
    filter: (source) => !/[\\/](bin|obj)$/.test(source),
  });

  const result: GeneratedSolution = { size, solutionFile: path.join(solutionFolder, `Bench.${pascal(size.name)}.slnx`), root: folder, files: 0, lines: 0, jobKinds: {} };
  const write = async (file: string, text: string) => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    result.files++;
    result.lines += text.split('\n').length - 1;
  };

  const plans = planProjects(size);
  let jobIndex = 0;
  let classIndex = 0;
  for (const plan of plans) {
    const projectFolder = path.join(solutionFolder, plan.name);
    await write(path.join(projectFolder, `${plan.name}.csproj`), projectFile(plan));
    await write(path.join(projectFolder, 'JobBases.cs'), plan.name === sharedProject ? sharedBasesSource() : moduleBasesSource(plan.namespace));

    const referencedModule = plans.find((other) => other.name !== sharedProject && plan.references.includes(other.name));
    for (let i = 0; i < plan.jobs; i++) {
      const job = generateJob(jobIndex++, { namespace: plan.namespace, referencedNamespace: referencedModule?.namespace }, random);
      result.jobKinds[job.kind] = (result.jobKinds[job.kind] ?? 0) + 1;
      await write(path.join(projectFolder, 'Jobs', `${job.className}.cs`), job.source);
    }

    for (let written = 0; written < plan.classes; written += classesPerFile) {
      const count = Math.min(classesPerFile, plan.classes - written);
      await write(path.join(projectFolder, 'Models', `Records${classIndex}.cs`), generateClassFile(plan.namespace, classIndex, count, random));
      classIndex += count;
    }
  }

  await write(result.solutionFile, solutionFile(plans));
  return result;
}

/**
 * Splits the size into the shared base project and module projects. Every fifth module's
 * assembly name lacks "Oqtane", so the framework would never load its jobs (OQJ1004), and
 * every even module references the module before it, whose base class some of its jobs use.
 */
function planProjects(size: SolutionSize): ProjectPlan[] {
  const modules = size.projects - 1;
  const plans: ProjectPlan[] = [{ name: sharedProject, namespace: sharedProject, assemblyName: `${sharedProject}.Oqtane`, references: [], jobs: 0, classes: share(size.classes, size.projects, 0) }];
  for (let i = 1; i <= modules; i++) {
    const name = `Bench.Module${String(i).padStart(2, '0')}.Server`;
    const previous = plans[i - 1] as ProjectPlan;
    plans.push({
      name,
      namespace: name,
      assemblyName: i % 5 === 0 ? name : `${name}.Oqtane`,
      references: [sharedProject, ...(i % 2 === 0 ? [previous.name] : [])],
      jobs: share(size.jobs, modules, i - 1),
      classes: share(size.classes, size.projects, i),
    });
  }

  return plans;
}

/** Returns part `index` of `total` split into `parts` near-equal parts. */
function share(total: number, parts: number, index: number): number {
  return Math.floor((total * (index + 1)) / parts) - Math.floor((total * index) / parts);
}

function projectFile(plan: ProjectPlan): string {
  const references = ['../../oqtane/Oqtane.Server/Oqtane.Server.csproj', ...plan.references.map((name) => `../${name}/${name}.csproj`)];
  return `<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <AssemblyName>${plan.assemblyName}</AssemblyName>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
  </PropertyGroup>

  <ItemGroup>
    <FrameworkReference Include="Microsoft.AspNetCore.App" />
  </ItemGroup>

  <ItemGroup>
${references.map((reference) => `    <ProjectReference Include="${reference}" />`).join('\n')}
  </ItemGroup>
</Project>
`;
}

function solutionFile(plans: ProjectPlan[]): string {
  const projects = plans.map((plan) => `  <Project Path="${plan.name}/${plan.name}.csproj" />`);
  return `<Solution>
  <Folder Name="/oqtane/">
    <Project Path="../oqtane/Oqtane.Shared/Oqtane.Shared.csproj" />
    <Project Path="../oqtane/Oqtane.Server/Oqtane.Server.csproj" />
  </Folder>
${projects.join('\n')}
</Solution>
`;
}

function pascal(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
