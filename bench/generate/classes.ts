import type { SeededRandom } from './random.js';

/** Ordinary classes per file, as a module's model and service files often hold several. */
export const classesPerFile = 10;

const classKindWeights = { model: 60, service: 25, helper: 15 } as const;

/**
 * Writes a file of ordinary classes: models, services that use the file's models through
 * LINQ, and static helpers, so that the compiler binds real code, not only declarations.
 */
export function generateClassFile(namespace: string, firstIndex: number, count: number, random: SeededRandom): string {
  const body: string[] = [];
  let lastModel: string | undefined;
  for (let offset = 0; offset < count; offset++) {
    const index = firstIndex + offset;
    // A file starts with a model, so every service has one to work on.
    const kind = offset === 0 || lastModel === undefined ? 'model' : random.weighted(classKindWeights);
    if (body.length > 0) {
      body.push('');
    }

    if (kind === 'model') {
      lastModel = `Record${index}`;
      body.push(...modelClass(lastModel));
    } else if (kind === 'service') {
      body.push(...serviceClass(`Record${index}Service`, lastModel as string, 1 + random.integer(100), 1 + random.integer(9)));
    } else {
      body.push(...helperClass(`Text${index}Helper`, 2 + random.integer(7)));
    }
  }

  return [
    'using System;',
    'using System.Collections.Generic;',
    'using System.Linq;',
    '',
    `namespace ${namespace}.Models`,
    '{',
    ...body.map((line) => (line === '' ? '' : `    ${line}`)),
    '}',
    '',
  ].join('\n');
}

function modelClass(name: string): string[] {
  return [
    `public class ${name}`,
    '{',
    '    public int Id { get; set; }',
    '    public string Name { get; set; }',
    '    public decimal Amount { get; set; }',
    '    public DateTime CreatedOn { get; set; }',
    '    public bool IsActive { get; set; }',
    '}',
  ];
}

function serviceClass(name: string, model: string, threshold: number, factor: number): string[] {
  return [
    `public class ${name}`,
    '{',
    `    private readonly List<${model}> _items = new List<${model}>();`,
    '',
    `    public void Add(${model} item)`,
    '    {',
    `        if (item != null && item.Amount > ${threshold})`,
    '        {',
    '            _items.Add(item);',
    '        }',
    '    }',
    '',
    '    public decimal Total()',
    '    {',
    `        return _items.Where(item => item.IsActive).Sum(item => item.Amount * ${factor});`,
    '    }',
    '}',
  ];
}

function helperClass(name: string, modulus: number): string[] {
  return [
    `public static class ${name}`,
    '{',
    '    public static string Describe(int value)',
    '    {',
    `        switch (value % ${modulus})`,
    '        {',
    '            case 0: return "none";',
    '            case 1: return "one";',
    '            default: return "many " + value;',
    '        }',
    '    }',
    '}',
  ];
}
