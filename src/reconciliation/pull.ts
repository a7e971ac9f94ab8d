/**
 * Pulling a provider's report instead of uploading it. Only the sandbox's
 * VTpass-compatible simulators serve one (`/_sim/report?date=`): VTpass
 * documents no report API, so a real provider's statement is uploaded.
 */
import { request } from 'undici';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/index.js';
import { MAX_REPORT_BYTES } from './parse.js';

export const PULL_TIMEOUT_MS = 30_000;

/** The report's bytes, exactly as served: their sha256 is what makes a second pull of the same day a replay. */
export async function pullProviderReport(
  ctx: AppContext,
  source: string,
  date: string,
  discrepancies: readonly string[] = [],
): Promise<Buffer> {
  const provider = source.startsWith('provider:') ? source.slice('provider:'.length) : undefined;
  const sim = ctx.providers?.sims.find((s) => s.name === provider);
  if (!sim)
    throw new AppError(
      'not_sandbox',
      `No report can be pulled for ${source}: only the sandbox's provider simulators serve one; upload the file`,
    );
  const url = new URL('/_sim/report', sim.url);
  url.searchParams.set('date', date);
  if (discrepancies.length > 0) url.searchParams.set('discrepancies', discrepancies.join(','));
  let res: Awaited<ReturnType<typeof request>>;
  try {
    res = await request(url, { headersTimeout: PULL_TIMEOUT_MS, bodyTimeout: PULL_TIMEOUT_MS });
  } catch (error) {
    throw new AppError(
      'providers_unavailable',
      `The report could not be fetched: ${(error as Error).message}`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Buffer).length;
    if (size > MAX_REPORT_BYTES) {
      res.body.destroy();
      throw new AppError('invalid_report', `the report is over ${MAX_REPORT_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  if (res.statusCode !== 200)
    throw new AppError(
      'invalid_report',
      `the provider answered ${res.statusCode}: ${body.toString('utf8', 0, 200)}`,
    );
  return body;
}
