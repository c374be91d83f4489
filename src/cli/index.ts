import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('错误：处理失败\n');
    process.exitCode = 2;
  },
);
