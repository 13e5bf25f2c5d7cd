type ScriptPostings = { languages: string[]; postings: Record<string, number[]> };
/** Per script with profiles: the candidate languages in profile order, and trigram → [language, rank, …]. */
export function computeTrigramIndex(candidates: readonly string[]): Record<string, ScriptPostings>;
/** One script's index packed into strings of code units. */
export function packScript(entry: ScriptPostings): { languages: string[]; keys: string; starts: string; postings: string };
/** One script's packed strings as the bytes of its index file. */
export function encodeScriptFile(packed: { keys: string; starts: string; postings: string }): Buffer;
