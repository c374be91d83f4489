/* main.js of the WPS add-in (loaded by its index.html): the ribbon callbacks and the TZ.* functions. */
import { etApp } from './et';
import type { WpsFunction } from './functions';
import { installRibbon } from './ribbon';
import { holidayStorage } from '../taskpane/holiday-start';
import { applyStoredHolidays } from '../taskpane/holiday-settings';

/** Generated from src/functions/functions.ts's JSDoc by scripts/build-wps.js (webpack DefinePlugin). */
declare const TZ_WPS_FUNCTIONS: WpsFunction[];

// The TZ functions count with the holiday arrangements added in the pane (same origin, same storage).
applyStoredHolidays(holidayStorage());

const app = etApp();
if (app) installRibbon(window as unknown as Record<string, unknown>, app, window.location.href, TZ_WPS_FUNCTIONS);
