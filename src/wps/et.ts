/// <reference types="et-jsapi-declare" />
/*
 * WPS 表格's JS API (the ET object model: VBA-like, synchronous): the one place that reads the
 * host's globals, and the VBA enumeration values the driver uses. Typings: et-jsapi-declare.
 * src/wps is the only code that touches WPS.
 */

/** The application object as the add-in sees it: ET's object model plus the add-in root (`CreateTaskPane`, `ApiEvent`, `FileSystem`, `AddCustomFunction`). */
export type EtApp = Et.Application & Partial<WPS.AddonRoot> & Partial<WPS.EtAddonRoot>;

/** `window.Application` in a WPS page, or null in a plain browser. */
export function etApp(scope: unknown = globalThis): EtApp | null {
  try {
    const app = (scope as { Application?: EtApp }).Application;
    return app && typeof app === 'object' ? app : null;
  } catch {
    return null;
  }
}

/** VBA enumeration values (the same numbers in ET; the host's `Enum` table is not relied on). */
export const XL = {
  /** XlFormatConditionType.xlExpression */
  expression: 2,
  /** XlHAlign/XlVAlign */
  center: -4108,
  top: -4160,
  /** XlLineStyle.xlContinuous, XlBorderWeight.xlThin */
  continuous: 1,
  thin: 2,
  /** XlBordersIndex: xlEdgeLeft … xlInsideHorizontal */
  edges: [7, 8, 9, 10, 11, 12],
  /** XlPageOrientation.xlLandscape, XlPaperSize.xlPaperA4 */
  landscape: 2,
  paperA4: 9,
  /** XlDVType: xlValidateWholeNumber, xlValidateList, xlValidateDate */
  validateWhole: 1,
  validateList: 3,
  validateDate: 4,
  /** XlDVAlertStyle.xlValidAlertStop, XlFormatConditionOperator.xlBetween */
  alertStop: 1,
  between: 1,
  /** Find: xlFormulas, xlPart, xlByRows, xlByColumns, xlPrevious */
  lookInFormulas: -4123,
  lookAtPart: 2,
  byRows: 1,
  byColumns: 2,
  previous: 2,
  /** MsoDocProperties.msoPropertyTypeString */
  propertyString: 4,
  /** MsoFileDialogType.msoFileDialogFolderPicker */
  folderPicker: 4,
  /** MsoCTPDockPosition.msoCTPDockPositionRight */
  dockRight: 2,
} as const;

/** An error raised by the host, with the session's vocabulary of codes. */
export function hostError(code: string, e: unknown): Error & { code: string } {
  const message = e instanceof Error ? e.message : String(e ?? '');
  return Object.assign(new Error(message || code), { code });
}
