#!/usr/bin/env node
'use strict';
try {
  require('../build/cli/index.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /build[\\/]cli/.test(String(e.message))) {
    process.stderr.write('错误：命令行工具尚未编译。请先在项目目录运行 npm ci（或 npm run build:cli）\n');
    process.exitCode = 2;
  } else {
    throw e;
  }
}
