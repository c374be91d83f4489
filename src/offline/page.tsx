/* Entry of the offline page (dist/offline/执法台账助手.html): everything inline, no network. */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import * as submission from '../taskpane/submit-api';
import { OfflinePage } from './OfflinePage';

(window as { tzStarted?: boolean }).tzStarted = true;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // file:// pages may have none
  }
}

const el = document.getElementById('root');
if (el) {
  createRoot(el).render(
    <FluentProvider theme={webLightTheme}>
      <OfflinePage loadSubmission={() => Promise.resolve(submission)} storage={storage()} />
    </FluentProvider>,
  );
}
