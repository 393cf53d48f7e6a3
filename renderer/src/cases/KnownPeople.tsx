import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PersonMatch } from '../../../shared/contract/methods/case-people';
import { useDebounced } from '../components/useDebounced';
import { useApi } from '../api/context';
import { useFormat } from '../components/format';
import { PersonName } from '../components/UserText';

/**
 * While a name is typed on intake, the people already known to the centre
 * who may be the same person (in any script or spelling), so they are linked
 * rather than entered twice.
 */
export function KnownPeople({
  firstName,
  lastName,
  birthDate,
  exclude,
  onUse,
}: {
  firstName: string;
  lastName: string;
  birthDate: string;
  exclude: number[];
  onUse: (match: PersonMatch) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const typed = useDebounced({ firstName: firstName.trim(), lastName: lastName.trim(), birthDate: /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? birthDate : null }, 300);
  const enabled = typed.lastName.length >= 2;
  const matches = useQuery({
    queryKey: ['people', 'search', typed],
    queryFn: () => api.call('people.search', typed),
    enabled,
    staleTime: 30_000,
  });
  const shown = (matches.data ?? []).filter((m) => !exclude.includes(m.personId));
  if (!enabled || shown.length === 0) return null;
  return (
    <Alert severity="info" role="region" aria-label={t('intake.knownTitle')} sx={{ mt: 1, '& .MuiAlert-message': { width: '100%' } }}>
      <Typography variant="subtitle2">{t('intake.knownTitle')}</Typography>
      <Typography variant="body2">{t('intake.knownHelp')}</Typography>
      <List dense disablePadding>
        {shown.map((m) => (
          <ListItem
            key={m.personId}
            disableGutters
            secondaryAction={
              <Button size="small" variant="outlined" onClick={() => onUse(m)} aria-label={`${t('intake.use')}: ${m.firstName} ${m.lastName}`}>
                {t('intake.use')}
              </Button>
            }
          >
            <ListItemText
              primary={
                <>
                  <PersonName person={m} /> <Chip size="small" sx={{ ml: 1 }} color={m.strength === 'possible' ? 'default' : 'primary'} label={t(`intake.strength.${m.strength}`)} />
                </>
              }
              secondary={[
                m.birthDate ? format.date(m.birthDate) : t('intake.birthUnknown'),
                m.cases.length
                  ? t('intake.inCases', {
                      cases: m.cases.map((c) => `${c.reference} (${c.role === 'child' ? t('intake.asChild') : t(`categories.relationship.${c.role}`)})`).join(', '),
                    })
                  : t('intake.inNoCase'),
              ].join(' · ')}
            />
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
