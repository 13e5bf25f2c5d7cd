/**
 * Diagnostics for people: one line each on stderr, `file:line: severity CODE message`,
 * coloured only on a terminal.
 */

import type { Diagnostic, Severity } from '../diagnostics/codes.js';
import { lazyImport } from './lazy-import.js';

/** Colour functions; identity when colour is off. */
export interface Paint {
  error(text: string): string;
  warning(text: string): string;
  info(text: string): string;
  dim(text: string): string;
}

export const NO_PAINT: Paint = { error: (t) => t, warning: (t) => t, info: (t) => t, dim: (t) => t };

/** Load chalk only when colour is wanted. */
export async function makePaint(enabled: boolean): Promise<Paint> {
  if (!enabled) return NO_PAINT;
  const { Chalk } = await lazyImport<typeof import('chalk')>('chalk');
  const chalk = new Chalk({ level: 1 });
  return { error: (t) => chalk.red(t), warning: (t) => chalk.yellow(t), info: (t) => chalk.cyan(t), dim: (t) => chalk.dim(t) };
}

/** Which severities are shown. */
export type Verbosity = 'quiet' | 'normal' | 'verbose';

const SHOWN: Readonly<Record<Verbosity, readonly Severity[]>> = {
  quiet: ['error'],
  normal: ['error', 'warning'],
  verbose: ['error', 'warning', 'info'],
};

/** Format one diagnostic line. */
export function formatDiagnostic(name: string, d: Diagnostic, paint: Paint): string {
  const where = d.line !== null ? `${name}:${d.line}` : name;
  const label = d.severity === 'error' ? paint.error('error') : d.severity === 'warning' ? paint.warning('warning') : paint.info('info');
  return `${where}: ${label} ${paint.dim(d.code)} ${d.message}`;
}

/** The lines to print for an article's diagnostics at a verbosity. */
export function diagnosticLines(name: string, diagnostics: readonly Diagnostic[], verbosity: Verbosity, paint: Paint): string[] {
  const shown = SHOWN[verbosity];
  return diagnostics.filter((d) => shown.includes(d.severity)).map((d) => formatDiagnostic(name, d, paint));
}
