import type { AttachmentContent } from '../../../shared/attachments/types.ts';

// Bytes between the window and main: a picked file to base64, a file's content to an object URL.

export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function bytesOf(content: AttachmentContent): Uint8Array {
  return Uint8Array.from(atob(content.base64), (c) => c.charCodeAt(0));
}

export function objectUrl(content: AttachmentContent): string {
  return URL.createObjectURL(new Blob([bytesOf(content) as Uint8Array<ArrayBuffer>], { type: content.mime }));
}

export function saveAs(content: AttachmentContent): void {
  const url = objectUrl(content);
  const a = document.createElement('a');
  a.href = url;
  a.download = content.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
