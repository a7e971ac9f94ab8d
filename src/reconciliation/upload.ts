/** Reading a multipart upload: one `file` part and a few short fields, each checked here (not by a schema). */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/index.js';
import { type ColumnMapping, checkMapping, MAX_REPORT_BYTES } from './parse.js';
import { SOURCE_PATTERN } from './types.js';

const FIELDS = ['source', 'mapping', 'from', 'to', 'dryRun'] as const;

export interface Upload {
  source: string;
  content: Buffer;
  fileName?: string;
  mapping: ColumnMapping;
  from?: Date;
  to?: Date;
  dryRun: boolean;
}

const bad = (message: string) => new AppError('validation_failed', message);

/** Busboy's limits and broken bodies, told as problems of their own rather than a bare 4xx. */
function uploadProblem(error: unknown): AppError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    return new AppError('body_too_large', `The report is over ${MAX_REPORT_BYTES} bytes`);
  if (code.startsWith('FST_'))
    return new AppError('invalid_report', `The upload could not be read (${code})`);
  if (error instanceof AppError) return error;
  return new AppError('invalid_report', 'The upload could not be read');
}

function instant(name: string, value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(d.getTime()))
    throw bad(`${name} must be an ISO 8601 date-time`);
  return d;
}

function mappingOf(raw: string | undefined): ColumnMapping {
  if (raw === undefined || raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new AppError('invalid_report', 'mapping must be JSON');
  }
  return checkMapping(parsed);
}

export async function readUpload(request: FastifyRequest): Promise<Upload> {
  const fields: Partial<Record<(typeof FIELDS)[number], string>> = {};
  let file: { content: Buffer; name: string } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) throw bad('Send one file, in the field named file');
        file = { content: await part.toBuffer(), name: part.filename };
      } else if ((FIELDS as readonly string[]).includes(part.fieldname)) {
        fields[part.fieldname as (typeof FIELDS)[number]] = String(part.value);
      } else throw bad(`Unknown field ${part.fieldname.slice(0, 40)}`);
    }
  } catch (error) {
    throw uploadProblem(error);
  }
  if (!file) throw bad('The report goes in the field named file');
  const source = fields.source ?? '';
  if (!SOURCE_PATTERN.test(source)) throw bad('source is provider:<id>, gateway or bank');
  const dry = fields.dryRun ?? 'false';
  if (dry !== 'true' && dry !== 'false') throw bad('dryRun is true or false');
  return {
    source,
    content: file.content,
    // A name is shown back to operators: printable characters only, bounded.
    fileName: file.name.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || undefined,
    mapping: mappingOf(fields.mapping),
    from: instant('from', fields.from),
    to: instant('to', fields.to),
    dryRun: dry === 'true',
  };
}
