/*
 * `npm ci` warns EBADENGINE: docx depends on nanoid 6, whose package.json asks for Node 22+.
 * docx's builds carry their own copy of nanoid's id generator and never load the package, so
 * on Node 20 nothing of it runs; this runs docx's id-generating path on the Node running the tests.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';

const DOCX_DIST = path.dirname(require.resolve('docx'));

test('docx never loads the nanoid package (its builds inline the generator)', () => {
  const builds = fs.readdirSync(DOCX_DIST).filter((f) => /^index\.(cjs|mjs|umd\.cjs|iife\.js)$/.test(f));
  expect(builds.length).toBeGreaterThanOrEqual(3);
  for (const f of builds) expect(fs.readFileSync(path.join(DOCX_DIST, f), 'utf8')).not.toMatch(/require\(["']nanoid|from ["']nanoid|import\(["']nanoid/);
  expect(fs.readFileSync(path.join(DOCX_DIST, 'index.cjs'), 'utf8')).toMatch(/var nanoid = /);
});

test(`docx's nanoid ids work on this Node (${process.version})`, async () => {
  const link = new ExternalHyperlink({ link: 'https://example.invalid/', children: [new TextRun('链接')] });
  const bytes = await Packer.pack(new Document({ sections: [{ children: [new Paragraph({ children: [link] })] }] }), 'uint8array');
  const rels = await (await JSZip.loadAsync(bytes)).file('word/_rels/document.xml.rels')!.async('string');
  // The relationship is named `rId` + uniqueId(): nanoid() lowercased, 21 characters of its URL alphabet.
  expect(rels).toMatch(/Id="rId[a-z0-9_-]{21}"[^>]*Target="https:\/\/example\.invalid\/"/);
});
