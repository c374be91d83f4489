/* Saving bytes as a file from a page: a blob and an <a download> click (no Office.js). */

/** Starts the browser's download of `bytes` as `name` (UTF-8 names are fine). */
export function saveFile(name: string, type: string, bytes: Uint8Array, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
