/**
 * The fixture table: each input under fixtures/ must parse to its reviewed `<stem>.json` and
 * render to its reviewed `<stem>.expected.md`. `npm run fixtures:update` rewrites them; review
 * the diff by eye before committing.
 */

import { describe, expect, it } from 'vitest';
import { render } from '../src/index.js';
import { listFixtures, parseFixture } from './helpers/fixtures.js';

const fixtures = listFixtures();

describe('fixtures', () => {
  it('has at least 25 fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
  });

  for (const f of fixtures) {
    it(`${f.name} → ${f.name.replace(/\.[a-z]+$/u, '')}.json / .expected.md`, async () => {
      const article = parseFixture(f);
      await expect(render(article, 'json')).toMatchFileSnapshot(f.jsonPath);
      await expect(render(article, 'md')).toMatchFileSnapshot(f.mdPath);
    });
  }
});
