import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

// After `idleSeconds` without a touch, a countdown asks whether the visitor is still there; when it
// runs out, the visit ends (everything entered is dropped) and the welcome screen returns.

const ACTIVITY = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;

export function IdleGuard({
  idleSeconds,
  countdownSeconds,
  active,
  onReset,
}: {
  idleSeconds: number;
  countdownSeconds: number;
  active: boolean;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const [remaining, setRemaining] = useState<number | null>(null);
  const lastActivity = useRef(0);
  const onResetRef = useRef(onReset);
  useEffect(() => {
    onResetRef.current = onReset;
  }, [onReset]);

  useEffect(() => {
    const touch = () => {
      lastActivity.current = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, touch, { capture: true, passive: true });
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, touch, { capture: true });
    };
  }, []);

  useEffect(() => {
    lastActivity.current = Date.now();
    if (!active) return;
    const timer = window.setInterval(() => {
      const idle = (Date.now() - lastActivity.current) / 1000;
      if (idle < idleSeconds) {
        setRemaining(null);
        return;
      }
      const left = Math.ceil(idleSeconds + countdownSeconds - idle);
      if (left <= 0) {
        window.clearInterval(timer);
        setRemaining(null);
        onResetRef.current();
      } else {
        setRemaining(left);
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [active, idleSeconds, countdownSeconds]);

  return (
    <Dialog
      open={active && remaining !== null}
      aria-labelledby="idle-title"
      aria-describedby="idle-body"
      slotProps={{ paper: { sx: { p: 2, minWidth: 'min(720px, 90vw)' } } }}
      data-testid="idle-dialog"
    >
      <DialogTitle id="idle-title" component="h2" sx={{ fontSize: '1.6em', fontWeight: 800 }}>
        {t('kioskScreens.idle.title')}
      </DialogTitle>
      <DialogContent>
        <Typography id="idle-body" aria-live="polite" sx={{ fontSize: '1.2em' }}>
          {t('kioskScreens.idle.body', { seconds: remaining ?? 0 })}
        </Typography>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button
          variant="contained"
          size="large"
          fullWidth
          data-testid="idle-stay"
          onClick={() => {
            lastActivity.current = Date.now();
            setRemaining(null);
          }}
        >
          {t('kioskScreens.idle.stay')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
