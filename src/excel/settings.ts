/* The workbook's document settings (Office.context.document.settings) as the session's DocumentStore. */
import type { DocumentStore } from '../session/driver';

export function officeSettings(): Office.Settings | null {
  try {
    return typeof Office !== 'undefined' && Office.context?.document?.settings ? Office.context.document.settings : null;
  } catch {
    return null;
  }
}

export function saveSettings(settings: Office.Settings): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((r: Office.AsyncResult<void>) => {
      if (String(r.status) === 'failed') reject(new Error(`设置没有保存到工作簿：${r.error?.message ?? '未知原因'}`));
      else resolve();
    });
  });
}

/** The store, or null outside Office. */
export function documentStore(): DocumentStore | null {
  const s = officeSettings();
  if (!s) return null;
  return {
    get: (key) => s.get(key),
    set: (key, value) => s.set(key, value),
    save: () => saveSettings(s),
  };
}
