/* Runs every bench/*.bench.ts in name order; each exports `run(): Promise<void>` and prints its own results. */
import * as fs from 'fs';
import * as path from 'path';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !only.length || only.some((o) => f.includes(o)))
    .sort();
  for (const f of files) {
    const mod = (await import(path.join(__dirname, f))) as { run: () => Promise<void> };
    console.log(`\n== ${f.replace(/\.bench\.ts$/, '')} ==`);
    await mod.run();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
