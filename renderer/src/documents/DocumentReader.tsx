import { Box, Paper, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { DocumentContent } from '../../../shared/documents/kinds.ts';

// A form's content as the jobseeker reads it before signing: the same sections and rows the PDF prints
// (and the signature's hash covers), in the form's own language (Korean, as the paper form).

export function DocumentReader({ content }: { content: DocumentContent }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="document-reader" lang="ko">
      <Typography variant="h6" component="h2" sx={{ fontWeight: 700, textAlign: 'center' }}>
        {content.title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'center', mb: 1 }}>
        {content.subtitle}
      </Typography>
      <Stack spacing={1.5}>
        {content.sections.map((s, i) => (
          <Box key={i}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
              {s.heading}
            </Typography>
            {(s.paragraphs ?? []).map((p, j) => (
              <Typography key={j} variant="body2" sx={{ wordBreak: 'keep-all', my: 0.5 }}>
                {p}
              </Typography>
            ))}
            {s.rows && s.rows.length > 0 && (
              <Table size="small">
                <TableBody>
                  {s.rows.map((r, j) => (
                    <TableRow key={j}>
                      <TableCell
                        component="th"
                        scope="row"
                        sx={{ width: 180, bgcolor: 'action.hover', fontWeight: 600 }}
                      >
                        {r.label}
                      </TableCell>
                      <TableCell sx={{ wordBreak: 'keep-all' }}>{r.value}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Box>
        ))}
      </Stack>
    </Paper>
  );
}
