import {
  Alert,
  Box,
  Button,
  Chip,
  Paper,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  NOTE_KINDS,
  type CaseFile,
  type CounselingNote,
  type NoteKind,
} from '../../../shared/casework/types.ts';
import { call } from '../api.ts';
import { dateTime, errorKey } from './useCaseFile.ts';

function KindPicker({
  value,
  onChange,
  testid,
}: {
  value: NoteKind;
  onChange: (k: NoteKind) => void;
  testid: string;
}) {
  const { t } = useTranslation();
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={value}
      onChange={(_e, v: NoteKind | null) => v && onChange(v)}
      aria-label={t('notes.kind')}
    >
      {NOTE_KINDS.map((k) => (
        <ToggleButton key={k} value={k} data-testid={`${testid}-${k}`}>
          {t(`notes.kind_${k}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

export function NotesTab({ file, onChange }: { file: CaseFile; onChange: (f: CaseFile) => void }) {
  const { t } = useTranslation();
  const { register, handleSubmit, reset, watch, setValue } = useForm<{ kind: NoteKind; body: string }>({
    defaultValues: { kind: 'in-person', body: '' },
  });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const kind = watch('kind');
  async function add(v: { kind: NoteKind; body: string }) {
    setSaving(true);
    setError(null);
    try {
      onChange(
        await call('casework:addNote', { jobseekerId: file.jobseeker.id, kind: v.kind, body: v.body }),
      );
      reset({ kind: v.kind, body: '' });
    } catch (e) {
      setError(errorKey(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Stack spacing={2}>
      <Paper
        variant="outlined"
        sx={{ p: 3 }}
        component="form"
        noValidate
        onSubmit={(e) => void handleSubmit(add)(e)}
      >
        <Typography variant="h6" component="h2" sx={{ fontWeight: 700, mb: 1 }}>
          {t('notes.new')}
        </Typography>
        <Stack spacing={1.5}>
          <KindPicker value={kind} onChange={(k) => setValue('kind', k)} testid="note-kind" />
          <TextField
            label={t('notes.body')}
            multiline
            minRows={3}
            {...register('body')}
            slotProps={{ htmlInput: { 'data-testid': 'note-body', maxLength: 5000 } }}
          />
          <Box>
            <Button
              type="submit"
              variant="contained"
              disabled={saving || !watch('body').trim()}
              data-testid="add-note"
            >
              {t('notes.add')}
            </Button>
          </Box>
          {error && <Alert severity="error">{t(error)}</Alert>}
        </Stack>
      </Paper>
      <Typography variant="body2" color="text.secondary">
        {t('notes.appendOnly')}
      </Typography>
      {file.notes.length === 0 && <Typography>{t('notes.none')}</Typography>}
      <Stack spacing={1.5} data-testid="notes-list">
        {file.notes.map((n) => (
          <NoteCard key={n.id} note={n} onChange={onChange} />
        ))}
      </Stack>
    </Stack>
  );
}

function NoteCard({ note, onChange }: { note: CounselingNote; onChange: (f: CaseFile) => void }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(note.body);
  const [kind, setKind] = useState<NoteKind>(note.kind);
  const [showHistory, setShowHistory] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const earlier = note.revisions.slice(0, -1).reverse();
  async function save() {
    setError(null);
    try {
      onChange(await call('casework:reviseNote', { noteId: note.latestId, kind, body }));
      setEditing(false);
    } catch (e) {
      setError(errorKey(e));
    }
  }
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="note" data-record-id={note.id}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip size="small" label={t(`notes.kind_${note.kind}`)} />
        <Typography variant="body2" color="text.secondary">
          {note.authorName} · {dateTime(note.createdAt, i18n.language)}
        </Typography>
        {note.revisions.length > 1 && (
          <Chip
            size="small"
            variant="outlined"
            label={t('notes.revised', { count: note.revisions.length })}
            data-testid="note-revised"
          />
        )}
        <Box sx={{ flex: 1 }} />
        {!editing && (
          <Button
            size="small"
            onClick={() => {
              setBody(note.body);
              setKind(note.kind);
              setEditing(true);
            }}
            data-testid="edit-note"
          >
            {t('notes.edit')}
          </Button>
        )}
      </Stack>
      {editing ? (
        <Stack spacing={1} sx={{ mt: 1 }}>
          <KindPicker value={kind} onChange={setKind} testid="edit-note-kind" />
          <TextField
            multiline
            minRows={3}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            slotProps={{
              htmlInput: { 'data-testid': 'edit-note-body', maxLength: 5000, 'aria-label': t('notes.body') },
            }}
          />
          <Stack direction="row" spacing={1}>
            <Button
              variant="contained"
              disabled={!body.trim()}
              onClick={() => void save()}
              data-testid="save-note-revision"
            >
              {t('notes.saveRevision')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('notes.cancel')}</Button>
          </Stack>
          {error && <Alert severity="error">{t(error)}</Alert>}
        </Stack>
      ) : (
        <Typography sx={{ mt: 1, whiteSpace: 'pre-wrap' }} data-testid="note-body-text">
          {note.body}
        </Typography>
      )}
      {earlier.length > 0 && (
        <Box sx={{ mt: 1 }}>
          <Button size="small" onClick={() => setShowHistory((s) => !s)} data-testid="note-history-toggle">
            {showHistory ? t('notes.hideHistory') : t('notes.history', { count: earlier.length })}
          </Button>
          {showHistory && (
            <Stack
              spacing={1}
              sx={{ mt: 1, pl: 2, borderLeft: 2, borderColor: 'divider' }}
              data-testid="note-history"
            >
              {earlier.map((r) => (
                <Box key={r.id}>
                  <Typography variant="caption" color="text.secondary">
                    {t('notes.revision', {
                      revision: r.revision,
                      name: r.authorName ?? '',
                      date: dateTime(r.createdAt, i18n.language),
                    })}{' '}
                    · {t(`notes.kind_${r.kind}`)}
                  </Typography>
                  <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', color: 'text.secondary' }}>
                    {r.body}
                  </Typography>
                </Box>
              ))}
            </Stack>
          )}
        </Box>
      )}
    </Paper>
  );
}
