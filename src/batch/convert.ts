/**
 * Converting one input's bytes: parse, render, fingerprint. Pure and synchronous, so it runs the
 * same in the main thread (small batches, `-j1`) and in a pool worker.
 */

import { hasErrors, parseArticle, render } from '../index.js';
import { fingerprintArticle } from './fingerprint.js';
import type { ConvertRequest, ConvertResult } from './types.js';

/**
 * Convert one input. Never throws for bad input: an input without an article has `output: null`.
 * `withFingerprint: false` skips the duplicate fingerprint (for callers that do not group).
 */
export function convert(request: ConvertRequest, withFingerprint = true): ConvertResult {
  const start = performance.now();
  const { settings } = request;
  const article = parseArticle(request.bytes, {
    path: request.path,
    inputFormat: settings.inputFormat,
    labels: settings.labels,
    ...(settings.encoding !== null ? { encoding: settings.encoding } : {}),
  });
  const failed = hasErrors(article.diagnostics);
  const output = failed ? null : render(article, settings.format, { compact: settings.compact });
  const fingerprint = failed || !withFingerprint ? null : fingerprintArticle(article);
  return { output, diagnostics: article.diagnostics, fingerprint, ms: performance.now() - start };
}
