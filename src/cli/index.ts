import { main } from './main';

// A reader that goes away (`taizhang submit … | head -1`) is no error: stop writing, keep the exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    stream.write = () => true;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('错误：处理失败\n');
    process.exitCode = 2;
  },
);
