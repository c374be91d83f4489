/* Regenerates the rules table in README.md from src/validation/rules.ts. */
import * as fs from 'fs';
import * as path from 'path';
import { withRulesTable } from '../src/validation/rules-doc';

const file = path.join(__dirname, '..', 'README.md');
const before = fs.readFileSync(file, 'utf8');
const after = withRulesTable(before);
if (after !== before) fs.writeFileSync(file, after);
console.log(after !== before ? 'README.md: rules table updated' : 'README.md: rules table already up to date');
