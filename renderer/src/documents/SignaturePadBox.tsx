import { Box, Button, Stack } from '@mui/material';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';
import { MAX_SIGNATURE_BASE64 } from '../../../shared/documents/kinds.ts';

// The signing surface's pad (signature_pad: pointer events, so a touch monitor, a pen tablet and a
// mouse all draw). Strokes go on a transparent canvas; the picture handed over is a PNG in base64,
// scaled down until it fits the sync bound of one field (MAX_SIGNATURE_BASE64).

export interface PadHandle {
  /** The signature as PNG base64 (no data-URL head), or null when nothing was drawn. */
  picture(): string | null;
  clear(): void;
}

function base64Of(canvas: HTMLCanvasElement): string {
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

export const SignaturePadBox = forwardRef<
  PadHandle,
  { height?: number; onChange?: (empty: boolean) => void }
>(function SignaturePadBox({ height = 200, onChange }, ref) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    // Drawn at the screen's pixel density, so a stroke is as sharp as the pen.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    el.width = el.offsetWidth * ratio;
    el.height = el.offsetHeight * ratio;
    el.getContext('2d')?.scale(ratio, ratio);
    const p = new SignaturePad(el, {
      penColor: '#111',
      backgroundColor: 'rgba(0,0,0,0)',
      minWidth: 1,
      maxWidth: 3,
    });
    p.addEventListener('endStroke', () => onChange?.(p.isEmpty()));
    pad.current = p;
    return () => p.off();
  }, [onChange]);

  useImperativeHandle(ref, () => ({
    picture() {
      const p = pad.current;
      const el = canvas.current;
      if (!p || !el || p.isEmpty()) return null;
      let out = base64Of(el);
      // Too large for one synced field: redraw smaller until it fits.
      let scale = 0.75;
      while (out.length > MAX_SIGNATURE_BASE64 && scale > 0.1) {
        const small = document.createElement('canvas');
        small.width = Math.round(el.width * scale);
        small.height = Math.round(el.height * scale);
        small.getContext('2d')?.drawImage(el, 0, 0, small.width, small.height);
        out = base64Of(small);
        scale *= 0.75;
      }
      return out;
    },
    clear() {
      pad.current?.clear();
      onChange?.(true);
    },
  }));

  return (
    <Stack spacing={1}>
      <Box
        component="canvas"
        ref={canvas}
        role="img"
        aria-label={t('documents.pad.area')}
        data-testid="signature-pad"
        sx={{
          width: '100%',
          height,
          border: 2,
          borderColor: 'primary.main',
          borderStyle: 'dashed',
          borderRadius: 1,
          bgcolor: '#fff',
          touchAction: 'none',
          cursor: 'crosshair',
        }}
      />
      <Box>
        <Button
          size="small"
          onClick={() => {
            pad.current?.clear();
            onChange?.(true);
          }}
          data-testid="signature-clear"
        >
          {t('documents.pad.clear')}
        </Button>
      </Box>
    </Stack>
  );
});
