import * as fs from 'fs';
import * as path from 'path';
import { RULES_END, RULES_START, rulesMarkdown, withRulesTable } from '../src/validation/rules-doc';
import { RULES } from '../src/validation/rules';

const README = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

test('the README rules table is the one generated from the rule declarations (npm run docs:rules)', () => {
  expect(README).toContain(RULES_START);
  expect(README).toContain(RULES_END);
  expect(withRulesTable(README)).toBe(README);
  for (const r of RULES) expect(rulesMarkdown()).toContain(`| \`${r.id}\` |`);
});

test('the README shows the two commands', () => {
  expect(README).toContain('npm ci && npm run demo');
  expect(README).toContain('npm test');
});
