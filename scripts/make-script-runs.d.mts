/** Runs over the code units 0..0xFFFF: names, the distinct sets, and per run its start and set. */
export function computeScriptRuns(): { names: string[]; sets: number[][]; starts: number[]; runSets: number[] };
