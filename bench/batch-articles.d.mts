/** The languages the generator writes. */
export declare const LANGUAGES: readonly string[];
/** Article number `index`, about `bytes` long (UTF-8). */
export declare function generateArticle(index: number, bytes?: number): string;
