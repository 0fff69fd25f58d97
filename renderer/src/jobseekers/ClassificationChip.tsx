import { Chip, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Jobseeker } from '../../../shared/domain/jobseeker.ts';
import { classificationLabel } from './labels.ts';

/** The track in a chip, coloured by type (ready green, needs-preparation amber); the full label on hover. */
export function ClassificationChip({
  type,
  track,
}: {
  type: Jobseeker['currentType'];
  track: Jobseeker['currentTrack'];
}) {
  const { t } = useTranslation();
  const full = classificationLabel(t, { currentType: type, currentTrack: track });
  if (!type) return <Chip size="small" variant="outlined" label={t('jobseekers.unclassified')} />;
  return (
    <Tooltip title={full}>
      <Chip
        size="small"
        color={type === 'ready' ? 'success' : 'warning'}
        variant={type === 'ready' ? 'filled' : 'outlined'}
        label={track ? t(`jobseekers.track_${track}`) : t(`jobseekers.type_${type}`)}
        aria-label={full}
      />
    </Tooltip>
  );
}
