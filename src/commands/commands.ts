/*
 * Ribbon commands. The 执法台账 button only shows the task pane (a ShowTaskpane action, no
 * code); this bundle initialises Office.js in the shared runtime for future ExecuteFunction
 * commands.
 */
import { officeReady } from '../excel/office';

void officeReady();
