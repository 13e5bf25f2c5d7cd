// Types for accuracy-lib.mjs (used by the TypeScript gate test).
import type { Segmented } from '../src/article/blocks.js';

export interface Prediction { title: string | null; text: string }
export interface Predictor { name: string; mode: string; predict(html: string): Prediction }
export interface PageScore { page: string; f1: number; titleOk: boolean | null }
export interface Scores { pages: number; f1: number; precision: number; recall: number; titleExact: number | null; perPage: PageScore[] }

export const REPO: string;
export const SHARED: string;
export const CORPUS: string;
export const SCORER: string;
export function corpusAvailable(): boolean;
export function listPages(dir?: string): string[];
export function predictionFromSegmented(seg: Segmented): Prediction;
export function predictionFromArticle(article: unknown): Prediction;
export function loadArticleParse(options?: { dist?: string; segmenterOnly?: boolean }): Promise<Predictor>;
export function segmenterPredictor(segmentHtml: (html: string) => Segmented): Predictor;
export function loadReadability(options?: { dom?: 'linkedom' | 'jsdom' }): Promise<Predictor>;
export function predictAll(predictor: Predictor, outDir: string, pages?: string[], source?: string): { failures: { page: string; error: string }[]; ms: number };
export function scoreDir(predDir: string, pages?: string[]): Promise<Scores>;
