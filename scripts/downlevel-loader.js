'use strict';
/*
 * webpack loader for node_modules: a module that does not parse at the hosts' ECMAScript level
 * (scripts/es-target.js) is transpiled down to it with TypeScript (e.g. Fluent UI's class static
 * blocks, ES2022); modules that parse are passed through untouched, so the build stays fast.
 */
const acorn = require('acorn');
const ts = require('typescript');
const { ECMA_VERSION } = require('./es-target');

const TARGETS = { 2017: ts.ScriptTarget.ES2017, 2018: ts.ScriptTarget.ES2018, 2019: ts.ScriptTarget.ES2019, 2020: ts.ScriptTarget.ES2020, 2021: ts.ScriptTarget.ES2021 };

function parses(source, ecmaVersion) {
  for (const sourceType of ['module', 'script']) {
    try {
      acorn.parse(source, { ecmaVersion, sourceType, allowHashBang: true, allowReturnOutsideFunction: sourceType === 'script' });
      return true;
    } catch {
      // try the other source type
    }
  }
  return false;
}

module.exports = function downlevel(source) {
  const ecmaVersion = (this.getOptions && this.getOptions().ecmaVersion) || ECMA_VERSION;
  if (parses(source, ecmaVersion)) return source;
  const out = ts.transpileModule(source, {
    fileName: 'module.js',
    compilerOptions: { allowJs: true, target: TARGETS[ecmaVersion], module: ts.ModuleKind.ESNext, useDefineForClassFields: true, sourceMap: false, removeComments: false },
  });
  return out.outputText;
};
