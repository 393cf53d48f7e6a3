import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AttentionKind } from '../../../shared/followup/categories';
import { useSession } from '../api/context';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { AttentionCounts } from './AttentionCounts';
import { AttentionItems } from './AttentionItems';
import { StorageWarning } from './StorageWarning';
import { BackupWarning } from './BackupWarning';
import { useAttention, type AttentionScope } from './useAttention';

/** Everything that needs attention, the caller's own or (for coordinators) the whole centre's, with counts per kind. */
export function AttentionPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  // The whole centre is the coordinators' view; the host answers everyone else with their visible cases anyway.
  const mayCentre = session.user.roles.includes('coordinator');
  const [search, setSearch] = useSearchParams();
  const scope: AttentionScope = mayCentre && search.get('scope') === 'centre' ? 'centre' : 'mine';
  const [only, setOnly] = useState<AttentionKind | null>(null);
  const items = useAttention(scope);
  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={t('dashboard.subtitle')}
        actions={
          mayCentre && (
            <ToggleButtonGroup
              exclusive
              size="small"
              color="primary"
              aria-label={t('dashboard.scope')}
              value={scope}
              onChange={(_e, value: AttentionScope | null) => value && setSearch(value === 'centre' ? { scope: value } : {}, { replace: true })}
            >
              <ToggleButton value="mine" sx={{ whiteSpace: 'nowrap' }}>
                {t('dashboard.mine')}
              </ToggleButton>
              <ToggleButton value="centre" sx={{ whiteSpace: 'nowrap' }}>
                {t('dashboard.centre')}
              </ToggleButton>
            </ToggleButtonGroup>
          )
        }
      />
      <StorageWarning />
      <BackupWarning />
      <QueryState query={items}>
        {(rows) => {
          const shown = only ? rows.filter((r) => r.kind === only) : rows;
          return (
            <>
              <AttentionCounts items={rows} only={only} onOnly={setOnly} />
              {only && (
                <Typography color="text.secondary" component="div" sx={{ mb: 1 }}>
                  {t('dashboard.showingOnly', { kind: t(`dashboard.cards.${only}`) })}{' '}
                  <Button size="small" onClick={() => setOnly(null)}>
                    {t('dashboard.showEverything')}
                  </Button>
                </Typography>
              )}
              {shown.length === 0 ? (
                <Typography color="text.secondary">{only ? t('dashboard.nothingOfKind') : t('dashboard.nothing')}</Typography>
              ) : (
                <Paper variant="outlined" sx={{ px: 2 }}>
                  <AttentionItems items={shown} />
                </Paper>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
