'use strict';
/*
 * The oldest JavaScript the add-in's hosts run, in one place (webpack.config.js transpiles to it,
 * test/helpers/bundle-syntax.ts checks every shipped script against it).
 *
 * Claim: Mac Excel 16.35+ (the first with SharedRuntime 1.1) on a WebKit of Safari 14.1 or later
 * (macOS 11.3+, or Safari updated to 14.1 on macOS 10.14.6/10.15); Windows Excel 2021 / Microsoft 365
 * with WebView2 (Chromium 86+); Excel on the web in a current browser. Safari 14.1 parses ES2021
 * (logical assignment, numeric separators) but not class fields with static blocks (Safari 16.4)
 * nor RegExp lookbehind (16.4), and the task pane's UI library (Fluent UI's focus management)
 * calls WeakRef, new in Safari 14.1 — so 14.1, not 14.0, is the floor.
 */
module.exports = {
  /** acorn's ecmaVersion and TypeScript's target for the shipped bundles. */
  ECMA_VERSION: 2021,
};
