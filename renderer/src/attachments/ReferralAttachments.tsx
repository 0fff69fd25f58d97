import { Alert, Box, Button, Checkbox, FormControlLabel, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentView } from '../../../shared/attachments/types.ts';
import { call } from '../api.ts';
import { useChannel } from '../employers/common.tsx';
import { errorKey } from '../casework/useCaseFile.ts';
import { useAttachmentOpener } from './AttachmentPreview.tsx';
import { sizeLabel } from './files.ts';

/** The case's files that go with this referral (the 알선장 package): listed, and more can be chosen. */
export function ReferralAttachments(props: { referralId: string; jobseekerId: string }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const { referralId, jobseekerId } = props;
  const opener = useAttachmentOpener(setError);

  const chosenQ = useChannel('attachments:forReferral', { referralId });
  const all = useChannel('attachments:list', { parent: { table: 'jobseekers', id: jobseekerId } });
  const chosen: AttachmentView[] = chosenQ.value ?? [];
  const caseFiles = (all.value ?? []).filter((a) => !a.removed && !chosen.some((x) => x.id === a.id));

  async function add() {
    try {
      chosenQ.set(await call('attachments:chooseForReferral', { referralId, attachmentIds: [...picked] }));
      setPicked(new Set());
      all.reload();
    } catch (e) {
      setError(t(errorKey(e)));
    }
  }

  return (
    <Box data-testid="referral-attachments" sx={{ mb: 2 }}>
      <Typography variant="subtitle2" sx={{ fontWeight: 700, mb: 1 }}>
        {t('attachments.referralTitle')}
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      {chosen.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('attachments.referralNone')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid="referral-attachment-list">
          {chosen.map((a) => (
            <Typography component="li" variant="body2" key={a.id} data-testid="referral-attachment">
              {t(`attachments.kind.${a.kind}`)} · {a.fileName} ({sizeLabel(a.size)})
              {a.removed ? ` — ${t('attachments.removedShort')}` : ''}
              {!a.removed && !a.available && ` — ${t('attachments.notYetHere')}`}
              {!a.removed && (
                <>
                  {/* Opened from the package too: the employer's copy is what the counselor checks. */}
                  <Button
                    size="small"
                    sx={{ ml: 1 }}
                    disabled={!a.available}
                    onClick={() => void opener.open(a, 'preview')}
                    aria-label={`${t('attachments.preview')}: ${a.fileName}`}
                    data-testid="referral-attachment-preview"
                  >
                    {t('attachments.preview')}
                  </Button>
                  <Button
                    size="small"
                    disabled={!a.available}
                    onClick={() => void opener.open(a, 'download')}
                    aria-label={`${t('attachments.download')}: ${a.fileName}`}
                    data-testid="referral-attachment-download"
                  >
                    {t('attachments.download')}
                  </Button>
                </>
              )}
            </Typography>
          ))}
        </Box>
      )}
      {caseFiles.length > 0 && (
        <Stack direction="row" sx={{ flexWrap: 'wrap', alignItems: 'center', mt: 1 }}>
          {caseFiles.map((a) => (
            <FormControlLabel
              key={a.id}
              control={
                <Checkbox
                  checked={picked.has(a.id)}
                  onChange={(e) => {
                    const next = new Set(picked);
                    if (e.target.checked) next.add(a.id);
                    else next.delete(a.id);
                    setPicked(next);
                  }}
                  slotProps={{ input: { 'data-testid': `referral-attach-${a.fileName}` } as never }}
                />
              }
              label={a.fileName}
            />
          ))}
          <Button
            size="small"
            variant="outlined"
            disabled={picked.size === 0}
            onClick={() => void add()}
            data-testid="referral-attach-add"
          >
            {t('attachments.referralAdd')}
          </Button>
        </Stack>
      )}
      {opener.dialog}
    </Box>
  );
}
