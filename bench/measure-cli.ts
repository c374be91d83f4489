/* Runs one `taizhang` command in this process, output discarded; prints its exit code, time, peak RSS and first error line as JSON on stderr. */
import * as fs from 'fs';
import { main } from '../src/cli/main';

/** Peak RSS in MB: Linux's VmHWM (getrusage's maxrss keeps the parent's peak across exec), else maxrss. */
function peakMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

const start = process.hrtime.bigint();
let err = '';
main(process.argv.slice(2), { out: () => undefined, err: (s) => (err ||= s.split('\n')[0]) }).then((code) => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stderr.write(JSON.stringify({ code, ms, rssMb: peakMb(), err }) + '\n');
});
