import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/**
 * Fields side by side on a wide dialog, stacked on a narrow one. A gap, not
 * Stack's spacing: Stack zeroes its children's margins, and the fields' own
 * top margin is what keeps each floating label clear of the row above.
 */
export function FieldRow({ children }: { children: ReactNode }) {
  return <Box sx={{ display: 'flex', flexDirection: { xs: 'column', sm: 'row' }, columnGap: 2, '& > *': { flex: 1 } }}>{children}</Box>;
}
