/**
 * Append one array to another in place. `target.push(...items)` passes every item as a call
 * argument and throws RangeError past about 120,000 items; a long input can make that many
 * blocks or diagnostics.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
