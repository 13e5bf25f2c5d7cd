/**
 * How the CLI loads a module on first use (chalk, the batch runner). Modules that run as
 * themselves use `import()`; the bundled CLI runs as a compiled script, where `import()` is not
 * available, so its loader (src/cli/load-bundle.ts) hands in one that runs outside the bundle.
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
