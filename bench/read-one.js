/*
 * One read in its own plain-node process (no ts-node), for `npm run bench -- input`:
 *   node bench/read-one.js taizhang FILE   — `taizhang check FILE` (read and check), compiled CLI, output discarded
 *   node bench/read-one.js sheetjs FILE    — SheetJS `xlsx` 0.18.5 reads the same file (XLSX.readFile, default options)
 * Prints on stderr: {"ms": time from the script's start to the end, module loading included, "rssMb": peak RSS}.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const start = process.hrtime.bigint();

function peakMb() {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

function report(extra) {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stderr.write(JSON.stringify({ ms, rssMb: peakMb(), ...extra }) + '\n');
}

const [what, file] = process.argv.slice(2);
if (what === 'sheetjs') {
  const XLSX = require('xlsx');
  const wb = XLSX.readFile(file);
  report({ sheets: wb.SheetNames.length });
} else {
  const { main } = require(path.join(__dirname, '../build/cli/main.js'));
  main(['check', file, '--today', '2023-11-05'], { out: () => undefined, err: () => undefined }).then((code) => report({ code }));
}
