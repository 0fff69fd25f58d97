import type { RenderedDocument } from '../../../shared/documents/kinds.ts';

// In the app, main hands the printed PDF to the operating system's print dialog and says so
// (`osPrint`); in the browser preview the PDF is downloaded instead.

export function deliverPdf(doc: RenderedDocument): 'os' | 'download' {
  if (doc.osPrint) return 'os';
  const bytes = Uint8Array.from(atob(doc.pdfBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = doc.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'download';
}
