// Which hosts are "this machine": plain HTTP is allowed only to and on them (the server refuses to
// listen elsewhere without TLS unless told --insecure-http; the desktop and CLI refuse http:// to any
// other host, so a password never crosses a network in the clear).

/** 127.0.0.0/8, ::1 (with or without brackets, or as ::ffff:127.x) and localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  const parts = v4.split('.');
  return (
    parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)
  );
}
