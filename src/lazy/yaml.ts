/**
 * The yaml package, loaded on first use: a JSON run never pays for it.
 * (yaml ships CommonJS for Node, so it can be required synchronously from ESM.)
 */

import { createRequire } from 'node:module';

type YamlModule = typeof import('yaml');

let cached: YamlModule | undefined;

/** The yaml module. */
export function yaml(): YamlModule {
  cached ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return cached;
}
