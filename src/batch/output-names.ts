/**
 * Output names: an input's mirrored path with the output format's extension
 * (`a/b/x.txt` → `a/b/x.json`), made unique in a fixed way when two inputs would share one
 * (`a/x.txt` and `a/x.html` → `a/x.json` and `a/x.html.json`, then `a/x~2.json`, …).
 * Names are compared case-insensitively so that the result is safe on any file system.
 */

import { extensionOf } from './entry-path.js';
import { NameSet } from './name-set.js';

/** An output name and whether it differs from the natural one. */
export interface OutputName {
  /** `/`-separated, relative to the output folder. */
  path: string;
  renamed: boolean;
}

/**
 * Hands out unique output names in input order (so the same inputs always get the same names).
 * Every name handed out is remembered, off the JavaScript heap (about 20 bytes per name, see NameSet).
 */
export class OutputNamer {
  private readonly taken = new NameSet();

  /**
   * @param extension The output extension with its dot (`.json`).
   * @param reserved Names in the output folder that no output may take (the manifest).
   */
  constructor(
    private readonly extension: string,
    reserved: readonly string[] = [],
  ) {
    for (const name of reserved) this.taken.add(name.toLowerCase());
  }

  /** The output name for an input's mirrored path. */
  name(relPath: string): OutputName {
    const ext = extensionOf(relPath);
    const stem = ext === '' ? relPath : relPath.slice(0, relPath.length - ext.length);
    const candidates = [stem + this.extension];
    if (ext !== '') candidates.push(relPath + this.extension);
    for (const candidate of candidates) {
      if (this.claim(candidate)) return { path: candidate, renamed: candidate !== candidates[0] };
    }
    for (let n = 2; ; n++) {
      const candidate = `${stem}~${n}${this.extension}`;
      if (this.claim(candidate)) return { path: candidate, renamed: true };
    }
  }

  private claim(path: string): boolean {
    return this.taken.add(path.toLowerCase());
  }
}
