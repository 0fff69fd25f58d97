import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import SearchIcon from '@mui/icons-material/Search';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import keco from '../../../resources/reference/keco.json';
import type { PublicOpening, PublicOpeningsPage } from '../../../shared/contract/kiosk.ts';
import { regionLabel, sidoLabel } from '../../../shared/reference/index.ts';
import { composeKeys, KeyboardField, KoreanKeyboard } from './KoreanKeyboard.tsx';
import { KioskPage } from './KioskPage.tsx';
import { useKiosk } from './visit.ts';

// 일자리 정보: public openings (title, employer, region, wage), filtered by occupation group and region
// with large touch chips, and by a word typed on the on-screen keyboard.

const PAGE = 10;

function Chip({
  selected,
  onClick,
  children,
  testId,
}: {
  selected: boolean;
  onClick: () => void;
  children: string;
  testId: string;
}) {
  return (
    <Button
      variant={selected ? 'contained' : 'outlined'}
      aria-pressed={selected}
      onClick={onClick}
      data-testid={testId}
      sx={{ minHeight: 64, borderWidth: 2, '&:hover': { borderWidth: 2 } }}
    >
      {children}
    </Button>
  );
}

export function OpeningsScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { info, lang } = useKiosk();
  const [major, setMajor] = useState<string | undefined>(undefined);
  const [sido, setSido] = useState<string | undefined>(undefined);
  const [keys, setKeys] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [typing, setTyping] = useState(false);
  const [page, setPage] = useState<PublicOpeningsPage | null>(null);
  const [items, setItems] = useState<PublicOpening[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    void window.kiosk?.invoke('kiosk:openings', { major, sido, query, offset: 0, limit: PAGE }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setPage(r.value);
        setItems(r.value.items);
        setFailed(false);
      } else setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [major, sido, query]);

  const more = () => {
    void window.kiosk
      ?.invoke('kiosk:openings', { major, sido, query, offset: items.length, limit: PAGE })
      .then((r) => {
        if (r.ok) setItems((prev) => [...prev, ...r.value.items]);
      });
  };

  const wage = (won: number) =>
    lang === 'ko'
      ? t('kioskScreens.openings.wageKo', { value: Math.round(won / 10_000).toLocaleString('ko-KR') })
      : t('kioskScreens.openings.wageEn', { value: won.toLocaleString('en-US') });
  const majorCount = new Map((page?.majors ?? []).map((m) => [m.code, m.count]));
  const regions = [...(page?.regions ?? [])].sort(
    (a, b) => Number(b.code === info?.sido) - Number(a.code === info?.sido) || b.count - a.count,
  );

  return (
    <KioskPage title={t('kioskScreens.openings.title')} testId="kiosk-openings">
      <Stack spacing={3}>
        <Box component="section" aria-labelledby="filter-occupation">
          <Typography id="filter-occupation" variant="h2" sx={{ mb: 1.5 }}>
            {t('kioskScreens.openings.occupation')}
          </Typography>
          <Stack direction="row" useFlexGap spacing={1.5} sx={{ flexWrap: 'wrap' }}>
            <Chip selected={major === undefined} onClick={() => setMajor(undefined)} testId="major-all">
              {t('kioskScreens.openings.all')}
            </Chip>
            {keco.major
              .filter((m) => majorCount.has(m.code) || major === m.code)
              .map((m) => (
                <Chip
                  key={m.code}
                  selected={major === m.code}
                  onClick={() => setMajor(m.code)}
                  testId={`major-${m.code}`}
                >
                  {lang === 'en' ? m.en : m.ko}
                </Chip>
              ))}
          </Stack>
        </Box>
        <Box component="section" aria-labelledby="filter-region">
          <Typography id="filter-region" variant="h2" sx={{ mb: 1.5 }}>
            {t('kioskScreens.openings.region')}
          </Typography>
          <Stack direction="row" useFlexGap spacing={1.5} sx={{ flexWrap: 'wrap' }}>
            <Chip selected={sido === undefined} onClick={() => setSido(undefined)} testId="region-all">
              {t('kioskScreens.openings.all')}
            </Chip>
            {regions.map((r) => (
              <Chip
                key={r.code}
                selected={sido === r.code}
                onClick={() => setSido(r.code)}
                testId={`region-${r.code}`}
              >
                {sidoLabel(r.code, lang)}
              </Chip>
            ))}
          </Stack>
        </Box>
        <Box component="section" aria-label={t('kioskScreens.openings.search')}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-end' }}>
            <KeyboardField
              id="openings-query"
              label={t('kioskScreens.openings.search')}
              value={composeKeys(keys)}
              active={typing}
              onActivate={() => setTyping(true)}
              testId="openings-query"
            />
            <Button
              variant="contained"
              startIcon={<SearchIcon />}
              sx={{ minHeight: 80, flexShrink: 0 }}
              onClick={() => {
                setQuery(composeKeys(keys).trim());
                setTyping(false);
              }}
              data-testid="openings-search"
            >
              {t('kioskScreens.openings.searchButton')}
            </Button>
          </Stack>
          {typing && (
            <Box sx={{ mt: 2 }}>
              <KoreanKeyboard
                keys={keys}
                onChange={setKeys}
                maxKeys={40}
                onDone={() => {
                  setQuery(composeKeys(keys).trim());
                  setTyping(false);
                }}
              />
            </Box>
          )}
        </Box>
        {failed && <Alert severity="error">{t('kioskScreens.error')}</Alert>}
        <Typography aria-live="polite" sx={{ fontWeight: 700 }} data-testid="openings-count">
          {page ? t('kioskScreens.openings.count', { count: page.total }) : t('kioskScreens.loading')}
        </Typography>
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 2 }}>
          {items.map((o) => (
            <Paper
              component="li"
              key={o.id}
              variant="outlined"
              sx={{ p: 3, borderWidth: 2 }}
              data-testid="opening-card"
            >
              <Typography variant="h3" component="h2">
                {o.title}
              </Typography>
              <Box
                component="dl"
                sx={{
                  m: 0,
                  mt: 1,
                  display: 'grid',
                  gridTemplateColumns: 'auto 1fr',
                  columnGap: 3,
                  rowGap: 0.5,
                }}
              >
                <Typography component="dt" sx={{ color: 'text.secondary' }}>
                  {t('kioskScreens.openings.employer')}
                </Typography>
                <Typography component="dd" sx={{ m: 0, fontWeight: 700 }}>
                  {o.employerName}
                </Typography>
                <Typography component="dt" sx={{ color: 'text.secondary' }}>
                  {t('kioskScreens.openings.regionLabel')}
                </Typography>
                <Typography component="dd" sx={{ m: 0 }}>
                  {regionLabel(o.sido, o.sigungu, lang)}
                </Typography>
                <Typography component="dt" sx={{ color: 'text.secondary' }}>
                  {t('kioskScreens.openings.wage')}
                </Typography>
                <Typography component="dd" sx={{ m: 0, fontWeight: 700 }}>
                  {wage(o.wage)}
                </Typography>
              </Box>
            </Paper>
          ))}
        </Box>
        {page && items.length < page.total && (
          <Button variant="outlined" onClick={more} data-testid="openings-more" sx={{ borderWidth: 2 }}>
            {t('kioskScreens.openings.more')}
          </Button>
        )}
        <Paper
          variant="outlined"
          sx={{ p: 3, borderWidth: 2, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}
        >
          <Typography sx={{ flex: 1, minWidth: 280 }}>{t('kioskScreens.openings.interested')}</Typography>
          <Button
            variant="contained"
            startIcon={<ConfirmationNumberIcon />}
            onClick={() => void navigate('/kiosk/ticket')}
          >
            {t('kioskScreens.menu.ticket')}
          </Button>
        </Paper>
      </Stack>
    </KioskPage>
  );
}
