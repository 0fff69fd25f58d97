import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import type { DraftForm } from '../../../shared/contract/drafts.ts';
import { formatDateTime } from '../../../shared/domain/day-format.ts';
import { call } from '../api.ts';

// Half-done forms (issue 15 item 3). While a form has changes, what it holds is kept as a draft in the
// encrypted store (drafts:keep, per user, form and record) a moment after each change, and leaving asks
// first: in-app navigation through the router's blocker, a reload or window close through beforeunload
// (Electron's close path asks in main, electron/main/windows.main.ts). When the form opens again, a
// banner offers to continue the draft; saving or discarding removes it.

/** How long typing rests before the draft is written (one write per pause, not per key). */
const KEEP_AFTER_MS = 600;

export interface FormDraft {
  /** The banner offering the kept draft, where the form opens (null when there is none). */
  banner: React.ReactNode;
  /** The leave dialog, rendered anywhere in the form. */
  guard: React.ReactNode;
  /** Call after a successful save: the draft is no longer needed, and leaving no longer asks. */
  clear: () => Promise<void>;
  /** Runs a save: navigation the save itself makes (to the new record) is not asked about. */
  saving: <R>(save: () => Promise<R>) => Promise<R>;
}

export function useFormDraft<T>(opts: {
  form: DraftForm;
  recordKey: string;
  values: T;
  /** Whether the form differs from what it opened with. */
  dirty: boolean;
  /** Puts a kept draft's values back into the form. */
  restore: (values: T) => void;
}): FormDraft {
  const { t } = useTranslation();
  const { form, recordKey, values, dirty, restore } = opts;
  const [offered, setOffered] = useState<{ data: T; updatedAt: string } | null>(null);
  // Until the kept draft is continued or discarded, typing must not overwrite it.
  const [decided, setDecided] = useState(false);
  // Saved or discarded: nothing left to keep or to ask about. A ref too, for the save's own navigation,
  // which happens before React renders again.
  const [isCleared, setCleared] = useState(false);
  const cleared = useRef(false);
  const inSave = useRef(false);
  const serialized = JSON.stringify(values);

  useEffect(() => {
    let live = true;
    call('drafts:get', { form, recordKey }).then(
      (draft) => {
        if (!live) return;
        if (draft) setOffered({ data: JSON.parse(draft.data) as T, updatedAt: draft.updatedAt });
        else setDecided(true);
      },
      () => live && setDecided(true),
    );
    return () => {
      live = false;
    };
  }, [form, recordKey]);

  useEffect(() => {
    if (!dirty || !decided || isCleared) return;
    const timer = setTimeout(() => {
      if (cleared.current) return;
      void call('drafts:keep', { form, recordKey, data: serialized }).catch(() => undefined);
    }, KEEP_AFTER_MS);
    return () => clearTimeout(timer);
  }, [serialized, dirty, decided, isCleared, form, recordKey]);

  const unsaved = dirty && !isCleared;
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved]);

  const unsavedNow = useRef(unsaved);
  useEffect(() => {
    unsavedNow.current = unsaved;
  }, [unsaved]);
  const shouldBlock = useCallback(
    ({
      currentLocation,
      nextLocation,
    }: {
      currentLocation: { pathname: string };
      nextLocation: { pathname: string };
    }) =>
      unsavedNow.current &&
      !cleared.current &&
      !inSave.current &&
      currentLocation.pathname !== nextLocation.pathname,
    [],
  );
  const blocker = useBlocker(shouldBlock);

  const clear = useCallback(async () => {
    cleared.current = true;
    setCleared(true);
    setOffered(null);
    await call('drafts:discard', { form, recordKey }).catch(() => undefined);
  }, [form, recordKey]);

  const saving = useCallback(async <R,>(save: () => Promise<R>): Promise<R> => {
    inSave.current = true;
    try {
      return await save();
    } finally {
      inSave.current = false;
    }
  }, []);

  const banner = offered ? (
    <Alert
      severity="info"
      data-testid="draft-banner"
      action={
        <Stack direction="row" spacing={1}>
          <Button
            color="inherit"
            size="small"
            data-testid="draft-continue"
            onClick={() => {
              restore(offered.data);
              setOffered(null);
              setDecided(true);
            }}
          >
            {t('draft.continue')}
          </Button>
          <Button
            color="inherit"
            size="small"
            data-testid="draft-discard"
            onClick={() => {
              setOffered(null);
              setDecided(true);
              void call('drafts:discard', { form, recordKey }).catch(() => undefined);
            }}
          >
            {t('draft.discard')}
          </Button>
        </Stack>
      }
    >
      {t('draft.found', {
        at: formatDateTime(offered.updatedAt),
      })}
    </Alert>
  ) : null;

  const guard = (
    <Dialog open={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} data-testid="leave-dialog">
      <DialogTitle>{t('draft.leaveTitle')}</DialogTitle>
      <DialogContent>{t('draft.leaveBody')}</DialogContent>
      <DialogActions>
        <Button onClick={() => blocker.reset?.()} data-testid="leave-stay" autoFocus>
          {t('draft.stay')}
        </Button>
        <Button
          color="warning"
          onClick={() => {
            // The latest typing may still be waiting for its pause: keep it before leaving.
            void call('drafts:keep', { form, recordKey, data: serialized }).catch(() => undefined);
            blocker.proceed?.();
          }}
          data-testid="leave-go"
        >
          {t('draft.leave')}
        </Button>
      </DialogActions>
    </Dialog>
  );

  return { banner, guard, clear, saving };
}
