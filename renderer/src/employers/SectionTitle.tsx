import { Stack, Typography } from '@mui/material';

// The heading of one card on the employer screen, with an optional action (add, edit) at its end.

export function SectionTitle({ children, action }: { children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
      <Typography variant="h6" component="h2" sx={{ fontWeight: 700, flex: 1 }}>
        {children}
      </Typography>
      {action}
    </Stack>
  );
}
