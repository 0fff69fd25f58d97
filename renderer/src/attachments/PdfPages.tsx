import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'unpdf/pdfjs';

// A PDF drawn by pdf.js (the serverless build that unpdf ships: no worker file, no eval) onto one canvas
// per page, with the page's text beside it for screen readers and search. Not the browser's own PDF
// viewer in an iframe, which showed a dark, empty frame: the desk window runs without plugins (the
// hardened webPreferences, electron/main/security.ts) and so has no PDF viewer at all, and where a
// browser has one (the preview) it paints late, out of process, and offers its own print and download
// buttons that would bypass the audit entries of this dialog's download.

/** Pages drawn at most (a scanned 200-page file would hold the window for long): the rest are counted. */
export const MAX_PREVIEW_PAGES = 30;

type Pdf = PDFDocumentProxy;

/** One page: drawn into its own canvas, its text kept for screen readers (visually hidden). */
function PdfPage(props: { pdf: Pdf; n: number; total: number; width: number; onDrawn: () => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [text, setText] = useState('');
  const { pdf, n, width, onDrawn } = props;

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const page = await pdf.getPage(n);
      const el = canvas.current;
      const context = el?.getContext('2d');
      if (cancelled || !el || !context) return;
      // Drawn at the screen's pixel density, shown at the column's width.
      const ratio = globalThis.devicePixelRatio || 1;
      const scale = width / page.getViewport({ scale: 1 }).width;
      const viewport = page.getViewport({ scale: scale * ratio });
      el.width = Math.floor(viewport.width);
      el.height = Math.floor(viewport.height);
      el.style.width = `${Math.floor(viewport.width / ratio)}px`;
      el.style.height = `${Math.floor(viewport.height / ratio)}px`;
      await page.render({ canvas: el, canvasContext: context, viewport }).promise;
      const content = await page.getTextContent();
      if (cancelled) return;
      setText(
        content.items
          .map((i) => ('str' in i ? i.str : ''))
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
      onDrawn();
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [pdf, n, width, onDrawn]);

  return (
    <Box sx={{ mx: 'auto', mb: 1, width: 'fit-content', bgcolor: 'common.white', boxShadow: 1 }}>
      <canvas
        ref={canvas}
        data-testid="attachment-pdf-page"
        aria-hidden="true"
        style={{ display: 'block' }}
      />
      <Typography component="p" data-testid="attachment-pdf-text" sx={VISUALLY_HIDDEN}>
        {t('attachments.pageOf', { n, total: props.total })} {text}
      </Typography>
    </Box>
  );
}

const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

export function PdfPages(props: { bytes: Uint8Array; fileName: string }) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  const [pdf, setPdf] = useState<Pdf | null>(null);
  const [width, setWidth] = useState(0);
  const [drawn, setDrawn] = useState(0);
  const [failed, setFailed] = useState(false);
  const onDrawn = useCallback(() => setDrawn((d) => d + 1), []);

  useEffect(() => {
    let cancelled = false;
    let opened: Pdf | null = null;
    void (async () => {
      try {
        // Loaded only when a PDF is opened: pdf.js is large and most screens never need it.
        const { getDocumentProxy } = await import('unpdf');
        // A copy: pdf.js takes the buffer over, and the caller keeps its bytes.
        opened = await getDocumentProxy(props.bytes.slice(), { isEvalSupported: false });
        if (cancelled) return void opened.destroy();
        // The column's width, at most a comfortable reading width for an A4 page.
        setWidth(Math.min(900, Math.max(320, (holder.current?.clientWidth ?? 800) - 32)));
        setPdf(opened);
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [props.bytes]);

  const total = pdf?.numPages ?? 0;
  const shown = Math.min(total, MAX_PREVIEW_PAGES);
  return (
    <Box
      ref={holder}
      data-testid="attachment-preview-pdf"
      role="document"
      // Focusable so the pages scroll with the keyboard (arrows, Page Down), not only the mouse.
      tabIndex={0}
      aria-label={t('attachments.previewOf', { name: props.fileName })}
      aria-busy={!failed && (pdf === null || drawn < shown) ? 'true' : 'false'}
      sx={{ width: '100%', height: '100%', overflow: 'auto', bgcolor: 'grey.200', p: 1 }}
    >
      {failed && <Alert severity="error">{t('attachments.previewFailed')}</Alert>}
      {!failed && pdf === null && (
        <Box sx={{ display: 'flex', justifyContent: 'center', p: 4 }}>
          <CircularProgress aria-label={t('attachments.previewLoading')} />
        </Box>
      )}
      {pdf &&
        Array.from({ length: shown }, (_, i) => i + 1).map((n) => (
          <PdfPage key={n} pdf={pdf} n={n} total={total} width={width} onDrawn={onDrawn} />
        ))}
      {total > MAX_PREVIEW_PAGES && (
        <Typography variant="body2" sx={{ textAlign: 'center', p: 1 }}>
          {t('attachments.morePages', { shown: MAX_PREVIEW_PAGES, total })}
        </Typography>
      )}
    </Box>
  );
}
