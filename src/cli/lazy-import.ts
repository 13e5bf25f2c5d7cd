/**
 * How the CLI loads a module on first use (chalk; in a batch the archive readers, the glob matcher
 * and the progress bar). Modules that run as themselves use `import()`; a bundle runs as a
 * compiled script, where `import()` is not available, so its loader hands in one that runs
 * outside it (src/cli/load-bundle.cts for the CLI's bundle, src/batch/load-runner.ts for the
 * batch runner's).
 */

/** Import a module by bare name or absolute URL. */
export type Importer = (specifier: string) => Promise<unknown>;

let importer: Importer = (specifier) => import(specifier);

/** Replace the importer (the bundle loader does, once, before the CLI runs). */
export function setImporter(next: Importer): void {
  importer = next;
}

/** Load a module: a bare package name, or a URL (`new URL('./x.js', import.meta.url).href`). */
export function lazyImport<T>(specifier: string): Promise<T> {
  return importer(specifier) as Promise<T>;
}
