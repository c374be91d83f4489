/* The fake WPS 表格 object model (ET) for the WPS driver's tests, over the Excel fake's workbook model. */
export { FakeEtApp } from './app';
export type { FakeEtOptions } from './app';
export { FakeEtRange, HRESULT } from './range';
