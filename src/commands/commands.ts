/*
 * Ribbon commands (the function file, in the shared runtime). 台账助手 only shows the task pane
 * (a ShowTaskpane action, no code). 准备月度报送 is an ExecuteFunction action: it asks the pane to
 * prepare the monthly submission and shows the pane.
 */
import { associateCommand, officeReady, showTaskpane } from '../excel/office';
import { sendPaneCommand } from './bridge';

/** The <FunctionName> of the 准备月度报送 button in manifest.xml. */
export const PREPARE_FUNCTION = 'prepareMonthlySubmission';

void officeReady().then(() =>
  associateCommand(PREPARE_FUNCTION, async () => {
    sendPaneCommand('prepare');
    await showTaskpane();
  }),
);
