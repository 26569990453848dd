import { readFile, stat } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { isRecord } from '../io/json-shape.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { FindingIdentity } from './identity.js';

/** One accepted finding in the baseline file. */
export interface BaselineEntry extends FindingIdentity {
  /** The team's reason for accepting the finding. --update keeps it. */
  reason?: string;
  /** ISO date (YYYY-MM-DD) after which the entry stops matching; kept by --update. */
  expires?: string;
}

export interface BaselineFile {
  entries: BaselineEntry[];
}

/** Version of the baseline format; a file with another version is rejected, never rewritten. */
export const baselineVersion = 1;

/** Name of the baseline that check and baseline use in the checked folder by default. */
export const defaultBaselineName = 'oqjob-baseline.json';

const maxBaselineBytes = 32 * 1024 * 1024;
const requiredFields = ['rule', 'file', 'symbol', 'member', 'message', 'text'] as const;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads and validates a baseline file. Any problem is an error (exit code 2) that names the
 * file and what is wrong. Callers never overwrite a file that this function rejected.
 */
export async function readBaseline(file: string): Promise<BaselineFile> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    const reason = error.code === 'ENOENT' ? 'it does not exist' : error.code ?? error.message;
    throw new UserError(`Cannot read the baseline "${file}": ${reason}.`, {
      hint: 'Create it with "oqjob baseline PATH --file FILE", or pass --baseline with an existing baseline.',
    });
  });
  if (!info.isFile()) {
    throw new UserError(`The baseline "${file}" is not a file.`, { hint: 'Pass the path of a baseline file, or move what is at that path.' });
  }

  if (info.size > maxBaselineBytes) {
    throw new UserError(`The baseline "${file}" is ${info.size} bytes, more than the ${maxBaselineBytes} oqjob reads.`, { hint: 'Check that the file is an oqjob baseline.' });
  }

  return parseBaseline(await readFile(file, 'utf8'), file);
}

/** Parses baseline text; `file` names the source in errors. */
export function parseBaseline(text: string, file: string): BaselineFile {
  const invalid = (detail: string) =>
    new UserError(`The baseline "${file}" is not valid: ${detail}.`, {
      hint: 'Fix the file by hand (it is JSON, one entry per line), restore it from version control, or delete it and run oqjob baseline again.',
    });

  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw invalid((error as Error).message);
  }

  if (!isRecord(data) || !Array.isArray(data.entries)) {
    throw invalid('expected an object with "version" and an "entries" array');
  }

  if (data.version !== baselineVersion) {
    throw invalid(`its version is ${JSON.stringify(data.version)}, and this oqjob reads version ${baselineVersion}; use the oqjob version that wrote it`);
  }

  return { entries: data.entries.map((entry, index) => parseEntry(entry, index + 1, invalid)) };
}

function parseEntry(value: unknown, number: number, invalid: (detail: string) => UserError): BaselineEntry {
  if (!isRecord(value)) {
    throw invalid(`entry ${number} is not an object`);
  }

  // Only known fields are copied, so keys such as "__proto__" never reach an object's prototype.
  const entry = Object.create(null) as Record<string, string>;
  for (const field of requiredFields) {
    if (typeof value[field] !== 'string') {
      throw invalid(`entry ${number} has no text field "${field}"`);
    }

    entry[field] = value[field] as string;
  }

  if (!/^OQJ\d{4}$/.test(entry.rule as string) || entry.file === '') {
    throw invalid(`entry ${number} needs a rule ID such as OQJ2002 and a file`);
  }

  if (value.reason !== undefined) {
    if (typeof value.reason !== 'string') {
      throw invalid(`entry ${number} has a "reason" that is not text`);
    }

    entry.reason = value.reason;
  }

  if (value.expires !== undefined) {
    if (typeof value.expires !== 'string' || !isCalendarDate(value.expires)) {
      throw invalid(`entry ${number} has "expires" ${JSON.stringify(value.expires)}, which is not a date of the form YYYY-MM-DD`);
    }

    entry.expires = value.expires;
  }

  return { ...entry } as unknown as BaselineEntry;
}

/**
 * Formats the baseline: entries sorted by file, rule and symbol, one per line, with fields
 * in a fixed order and no totals, dates or versions of the tool, so that branches that add
 * different entries merge without conflict.
 */
export function formatBaseline(baseline: BaselineFile): string {
  const entries = [...baseline.entries].sort(compareEntries).map((entry) => `    ${JSON.stringify(orderedEntry(entry))}`);
  const body = entries.length > 0 ? `\n${entries.join(',\n')}\n  ` : '';
  return `{\n  "version": ${baselineVersion},\n  "entries": [${body}]\n}\n`;
}

/** Writes the baseline through a temporary file and a rename, so no reader sees half a file. */
export async function writeBaseline(file: string, baseline: BaselineFile): Promise<void> {
  await writeFileAtomic(file, formatBaseline(baseline));
}

export function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  for (const field of ['file', 'rule', 'symbol', 'member', 'message', 'text'] as const) {
    if (a[field] !== b[field]) {
      return a[field] < b[field] ? -1 : 1;
    }
  }

  return 0;
}

function orderedEntry(entry: BaselineEntry): BaselineEntry {
  return {
    rule: entry.rule,
    file: entry.file,
    symbol: entry.symbol,
    member: entry.member,
    message: entry.message,
    text: entry.text,
    ...(entry.reason === undefined ? {} : { reason: entry.reason }),
    ...(entry.expires === undefined ? {} : { expires: entry.expires }),
  };
}

/** True for a YYYY-MM-DD date that exists in the calendar (not 2027-02-30). */
function isCalendarDate(text: string): boolean {
  if (!datePattern.test(text)) {
    return false;
  }

  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Returns "Type.Member" for messages, with a constructor shown as "Type (constructor)". */
export function describeEntryPlace(entry: BaselineEntry): string {
  if (!entry.member) {
    return entry.symbol;
  }

  return entry.member === '.ctor' ? `${entry.symbol} (constructor)` : `${entry.symbol}.${entry.member}`;
}
