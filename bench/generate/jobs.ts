import type { SeededRandom } from './random.js';

/** The kinds of job the generator writes: correct ones through every kind of base, and common mistakes. */
export const jobKindWeights = {
  direct: 30,
  sharedSiteBase: 10,
  genericBase: 8,
  localBase: 6,
  referencedModuleBase: 6,
  unguarded: 8,
  invalidFrequency: 5,
  tenantManagerParameter: 5,
  loggerParameter: 5,
  backgroundTask: 4,
  staticState: 4,
  emptyCatch: 4,
  noExecution: 3,
  sleep: 2,
} as const;

export type JobKind = keyof typeof jobKindWeights;

/** The namespace of a job's project and the module project it references, whose base it may use. */
export interface JobContext {
  namespace: string;
  /** Namespace of the module project this one references, when it references one. */
  referencedNamespace: string | undefined;
}

export interface GeneratedJob {
  kind: JobKind;
  className: string;
  source: string;
}

const frequencies = ['m', 'H', 'd', 'w', 'M'];

/** Writes one job class file of a kind drawn from the weights above. */
export function generateJob(index: number, context: JobContext, random: SeededRandom): GeneratedJob {
  let kind = random.weighted(jobKindWeights);
  if (kind === 'referencedModuleBase' && context.referencedNamespace === undefined) {
    kind = 'localBase';
  }

  const className = `Job${String(index).padStart(4, '0')}${pascal(kind)}`;
  const interval = 1 + random.integer(12);
  const frequency = kind === 'invalidFrequency' ? 'h' : (frequencies[random.integer(frequencies.length)] as string);
  const source = jobSource(kind, className, context, frequency, interval);
  return { kind, className, source };
}

function jobSource(kind: JobKind, className: string, context: JobContext, frequency: string, interval: number): string {
  const usings = [
    'using System;',
    'using System.Linq;',
    'using Microsoft.Extensions.DependencyInjection;',
    'using Microsoft.Extensions.Logging;',
    'using Oqtane.Infrastructure;',
    'using Oqtane.Models;',
    'using Oqtane.Repository;',
    'using Bench.Jobs.Common;',
  ];
  const lines = [...usings, '', `namespace ${context.namespace}.Jobs`, '{', ...classLines(kind, className, context, frequency, interval).map(indent), '}', ''];
  return lines.join('\n');
}

function classLines(kind: JobKind, className: string, context: JobContext, frequency: string, interval: number): string[] {
  const metadata = [`Name = "${className}";`, `Frequency = "${frequency}";`, `Interval = ${interval};`, 'IsEnabled = true;'];
  switch (kind) {
    case 'sharedSiteBase':
      return classBody(className, 'SiteJobBase', [], metadata, [
        'protected override string ProcessSite(IServiceProvider provider, Site site)',
        '{',
        `    return site.Name + ": ${className} done<br />";`,
        '}',
      ]);
    case 'genericBase':
      return classBody(className, `ModuleTypedJob<${className}Settings>`, [], metadata, [
        `protected override string Run(IServiceProvider provider, ${className}Settings settings)`,
        '{',
        '    return "Batch size " + settings.BatchSize;',
        '}',
      ], [`public class ${className}Settings`, '{', `    public int BatchSize { get; set; } = ${interval * 10};`, '}', '']);
    case 'localBase':
      return classBody(className, 'ModuleJobBase', [], metadata, executeJob(guardedWork(className)));
    case 'referencedModuleBase':
      return classBody(className, `${context.referencedNamespace}.ModuleJobBase`, [], metadata, executeJob(guardedWork(className)));
    case 'unguarded':
      return classBody(className, 'HostedServiceBase', [], metadata, executeJob([
        'var count = provider.GetRequiredService<ISiteRepository>().GetSites().Count();',
        ...tryCatch([`log += "${className}: " + count + " sites<br />";`]),
      ]));
    case 'tenantManagerParameter':
      return classBody(className, 'HostedServiceBase', ['ITenantManager tenantManager'], metadata, executeJob(guardedWork(className)));
    case 'loggerParameter':
      return classBody(className, 'HostedServiceBase', [`ILogger<${className}> logger`], metadata, executeJob(guardedWork(className)));
    case 'backgroundTask':
      return classBody(className, 'HostedServiceBase', [], metadata, executeJob(tryCatch([
        'var sites = provider.GetRequiredService<ISiteRepository>();',
        'System.Threading.Tasks.Task.Run(() => sites.GetSites().Count());',
        'log += "Started";',
      ])));
    case 'staticState':
      return classBody(className, 'HostedServiceBase', [], metadata, [
        'private static int _runs;',
        '',
        ...executeJob(tryCatch(['_runs++;', 'log += "Run " + _runs;'])),
      ]);
    case 'emptyCatch':
      return classBody(className, 'HostedServiceBase', [], metadata, executeJob([
        'try',
        '{',
        `    log += "${className}: " + provider.GetRequiredService<ISiteRepository>().GetSites().Count();`,
        '}',
        'catch',
        '{',
        '}',
      ]));
    case 'noExecution':
      return classBody(className, 'HostedServiceBase', [], metadata, []);
    case 'sleep':
      return classBody(className, 'HostedServiceBase', [], metadata, executeJob(tryCatch(['System.Threading.Thread.Sleep(100);', ...guardedLines(className)])));
    default:
      // direct and invalidFrequency: the frequency was chosen above.
      return classBody(className, 'HostedServiceBase', [], metadata, executeJob(guardedWork(className)));
  }
}

function classBody(className: string, base: string, extraParameters: string[], metadata: string[], members: string[], before: string[] = []): string[] {
  const parameters = ['IServiceScopeFactory serviceScopeFactory', ...extraParameters].join(', ');
  return [
    ...before,
    `public class ${className} : ${base}`,
    '{',
    `    public ${className}(${parameters}) : base(serviceScopeFactory)`,
    '    {',
    ...metadata.map((line) => `        ${line}`),
    '    }',
    ...(members.length > 0 ? ['', ...members.map(indent)] : []),
    '}',
  ];
}

function executeJob(body: string[]): string[] {
  return ['public override string ExecuteJob(IServiceProvider provider)', '{', '    var log = "";', ...body.map(indent), '', '    return log;', '}'];
}

function guardedWork(className: string): string[] {
  return tryCatch(guardedLines(className));
}

function guardedLines(className: string): string[] {
  return ['var sites = provider.GetRequiredService<ISiteRepository>();', `log += "${className}: " + sites.GetSites().Count() + " sites<br />";`];
}

function tryCatch(body: string[]): string[] {
  return ['try', '{', ...body.map(indent), '}', 'catch (Exception ex)', '{', '    log += "Error: " + ex.Message;', '}'];
}

function indent(line: string): string {
  return line === '' ? '' : `    ${line}`;
}

function pascal(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}
