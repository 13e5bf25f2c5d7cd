/**
 * CLI tests: spawn the built binary (`npm test` builds first) the way a user runs it.
 */

import { spawnSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readdirSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'article-parse.js');
const SEED = 'fixtures/000_e23e4bc210ee4778.txt';

function run(args: string[], options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '', ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The folders made by tempDir, removed when the file's tests are done. */
const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'article-parse-cli-'));
  tempDirs.push(dir);
  return dir;
}

describe('article-parse CLI', () => {
  it('parses the seed to JSON by default', () => {
    const { code, stdout, stderr } = run([SEED]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const article = JSON.parse(stdout);
    expect(article.title).toBe('ماكرون وبوتين: محادثة عن أوكرانيا وإيران بعد عامين!');
    expect(article.dateline).toBe('Ukraine, Land');
    expect(article.source.path).toBe(SEED);
  });

  it('writes YAML, Markdown, text and compact JSON', () => {
    expect(parseYaml(run([SEED, '--format', 'yaml']).stdout).language).toBe('ar');
    expect(run([SEED, '--format', 'md']).stdout).toMatch(/^---\n[\s\S]*\n---\n\n# ماكرون/u);
    expect(run([SEED, '--format', 'text']).stdout.startsWith('ماكرون وبوتين')).toBe(true);
    const compact = run([SEED, '--compact']).stdout;
    expect(compact.trimEnd().split('\n')).toHaveLength(1);
  });

  it('writes the same bytes to stdout as to --output, for short and long non-ASCII results', () => {
    const dir = tempDir();
    // a result of over 400,000 UTF-16 units (too long for standard output's kept encoding buffer)
    // and the seed's (short enough): both of the sink's encoding paths run
    const paragraph = 'Ein Absatz über Kyjiw — «Zitat» ماكرون وبوتين 😀 Ελλάδα, и ещё немного текста.';
    const long = ['Ein langer Titel über Straßen', '', ...Array.from({ length: 5000 }, (_, i) => `${paragraph} ${i}`)].join('\n\n');
    writeFileSync(join(dir, 'long.txt'), long);
    for (const input of [join(ROOT, SEED), join(dir, 'long.txt')]) {
      for (const format of ['json', 'ndjson', 'md']) {
        const out = join(dir, `out.${format}`);
        const toFile = spawnSync(process.execPath, [BIN, input, '--format', format, '-o', out, '-q'], { cwd: ROOT });
        expect(toFile.status).toBe(0);
        const toStdout = spawnSync(process.execPath, [BIN, input, '--format', format, '-q'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
        expect(toStdout.status).toBe(0);
        expect(toStdout.stdout.equals(readFileSync(out))).toBe(true);
      }
    }
    expect(readFileSync(join(dir, 'out.json'), 'utf8').length).toBeGreaterThan(400_000);
  });

  it('reads stdin for "-" and for no argument when piped; source.path is null', () => {
    const input = readFileSync(join(ROOT, SEED));
    for (const args of [['-'], []]) {
      const { code, stdout } = run([...args, '--format', 'json'], { input });
      expect(code).toBe(0);
      const article = JSON.parse(stdout);
      expect(article.source.path).toBeNull();
      expect(article.title).toContain('ماكرون');
    }
  });

  it('reads its own Markdown back from stdin', () => {
    const md = run([SEED, '--format', 'md']).stdout;
    const back = JSON.parse(run(['-'], { input: md }).stdout);
    const original = JSON.parse(run([SEED]).stdout);
    expect(back.sections).toEqual(original.sections);
    expect(back.metadata.location).toBe(original.metadata.location);
    expect(back.source.format).toBe('markdown');
  });

  it('-o writes the file atomically and prints nothing on stdout', () => {
    const dir = tempDir();
    const out = join(dir, 'out.json');
    const { code, stdout } = run([SEED, '-o', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).dateline).toBe('Ukraine, Land');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('a failed input leaves no output file, names the file, exits 1', () => {
    const dir = tempDir();
    const out = join(dir, 'out.json');
    const { code, stderr } = run(['does-not-exist.txt', '-o', out]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual(['does-not-exist.txt: error no such file']);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('-o into a missing folder fails cleanly with exit 1 and no partial file', () => {
    const dir = tempDir();
    const { code, stderr } = run([SEED, '-o', join(dir, 'missing', 'out.json')]);
    expect(code).toBe(1);
    expect(stderr).toContain('cannot write output (ENOENT)');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('empty, whitespace-only and binary inputs fail with a one-line error naming the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.txt'), '  \n\t\n');
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    for (const [name, code] of [['empty.txt', 'EMPTY_INPUT'], ['blank.txt', 'EMPTY_INPUT'], ['image.png', 'NOT_TEXT']] as const) {
      const r = run([name], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^${name.replace('.', '\\.')}: error ${code} `, 'u'));
    }
  });

  it('a folder without --out-dir or --format ndjson is a usage error that says what to use', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    const r = run(['sub'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out-dir DIR, or --format ndjson');
  });

  it('usage errors exit 2', () => {
    expect(run(['--format', 'xml', SEED]).code).toBe(2);
    expect(run(['--no-such-option']).code).toBe(2);
    expect(run([SEED, '--encoding', 'klingon-8']).code).toBe(2);
    expect(run([SEED, '--max-bytes', 'many']).code).toBe(2);
  });

  it('--help shows examples and exits 0; --version prints the version', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('Exit codes');
    const version = run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/u);
  });

  it('--max-bytes refuses larger inputs with a clear error', () => {
    const r = run([SEED, '--max-bytes', '100']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('over the --max-bytes limit of 100');
  });

  it('diagnostics go to stderr: warnings by default, repairs with --verbose, nothing with --quiet', () => {
    const potsdam = 'fixtures/de-potsdam-ohne-titel.txt';
    expect(run([potsdam]).stderr).toContain(`${potsdam}:3: warning MISSING_TITLE`);
    expect(run([potsdam, '--quiet']).stderr).toBe('');
    expect(run([SEED, '--verbose']).stderr).toContain(`${SEED}:7: info STUTTER_COLLAPSED`);
  });

  it('colour only on a terminal: none when stderr is a pipe, even when asked', () => {
    const r = run(['fixtures/de-potsdam-ohne-titel.txt'], { env: { FORCE_COLOR: '1' } });
    expect(r.stderr).not.toContain('\u001b[');
  });

  it('several inputs stream NDJSON in input order; several without ndjson is a usage error', () => {
    const files = ['fixtures/de-hamburg-hafen.txt', SEED, 'fixtures/tr-izmir-metro.txt'];
    const r = run([...files, '--format', 'ndjson']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((a) => a.source.path)).toEqual(files);
    expect(run(files).code).toBe(2);
  });

  it('some inputs failing: the rest still convert, exit 1', () => {
    const r = run(['fixtures/de-hamburg-hafen.txt', 'missing.txt', SEED, '--format', 'ndjson']);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(r.stderr).toContain('missing.txt: error no such file');
  });

  it('--labels adds labels from YAML; a hostile labels file is a usage error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'labels.yaml'), 'blockStarts: [Détails]\nfields:\n  location: [Lieu]\n  comments: [Commentaires]\n');
    writeFileSync(join(dir, 'article.txt'), 'Un titre\n\nParis, France - Un texte assez long pour être un paragraphe entier de cet article.\n\nDétails\nLieu: Paris, France\nCommentaires (4)\n');
    const ok = run(['article.txt', '--labels', 'labels.yaml'], { cwd: dir });
    expect(ok.code).toBe(0);
    const article = JSON.parse(ok.stdout);
    expect(article.metadata.location).toBe('Paris, France');
    expect(article.metadata.comments).toBe(4);
    writeFileSync(join(dir, 'bad.yaml'), 'fields:\n  __proto__: [x]\n');
    const bad = run(['article.txt', '--labels', 'bad.yaml'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('__proto__');
  });

  it('ends quietly when the reader of the pipe goes away (| head)', async () => {
    const files = Array.from({ length: 400 }, () => SEED);
    const child = spawn(process.execPath, [BIN, ...files, '--format', 'ndjson'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
