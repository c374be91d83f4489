'use strict';
/*
 * Renders every assets/<name>.svg to assets/<name>-{16,32,64,80}.png with headless Chromium
 * (playwright-core, the system browser at /usr/bin/chromium or CHROMIUM_PATH): icon.svg (the
 * add-in and 台账助手), prepare.svg (准备月度报送). Run: node scripts/render-icons.js
 */
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const SIZES = [16, 32, 64, 80];
const ASSETS = path.resolve(__dirname, '..', 'assets');

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  try {
    for (const file of fs.readdirSync(ASSETS).filter((f) => f.endsWith('.svg')).sort()) {
      const svg = fs.readFileSync(path.join(ASSETS, file), 'utf8');
      for (const size of SIZES) {
        const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
        const sized = svg.replace(/width="16" height="16"/, `width="${size}" height="${size}"`);
        await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
        const out = path.join(ASSETS, `${file.replace(/\.svg$/, '')}-${size}.png`);
        await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
        await page.close();
        console.log(`${path.relative(process.cwd(), out)} ${size}×${size}`);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
