import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/contract/case-records';
import { useCategory } from './labels';

/**
 * Everyone who must not be told about the case, at the top of the overview:
 * whoever picks up the phone needs it before anything else on the page. An
 * alleged perpetrator the team decided may be informed is named too, with why.
 */
export function DoNotInform({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const category = useCategory();
  const { hidden, overridden } = informRisks(detail);
  const name = (p: CaseDetail['people'][number]) => `${p.person.firstName} ${p.person.lastName}`;
  return (
    <Stack spacing={1}>
      {hidden.length > 0 && (
        <Alert severity="error" variant="filled" role="alert" data-testid="do-not-inform">
          <AlertTitle>{t('childSafety.doNotInform.title')}</AlertTitle>
          {t('childSafety.doNotInform.intro')}
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {hidden.map((p) => (
              <li key={p.person.id}>
                <strong>{name(p)}</strong> ({[category('relationship', p.relationship), p.allegedPerpetrator ? t('childSafety.doNotInform.perpetrator') : null].filter(Boolean).join(', ')})
                {p.informNote ? ` — ${p.informNote}` : ''}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {overridden.map((p) => (
        <Alert key={p.person.id} severity="warning" data-testid="inform-override">
          {t('childSafety.overridden', { name: name(p), reason: p.informNote })}
        </Alert>
      ))}
    </Stack>
  );
}

function informRisks(detail: CaseDetail) {
  return {
    hidden: detail.people.filter((p) => !p.mayBeInformed),
    overridden: detail.people.filter((p) => p.mayBeInformed && p.allegedPerpetrator === true),
  };
}

export function hasInformRisks(detail: CaseDetail): boolean {
  const { hidden, overridden } = informRisks(detail);
  return hidden.length > 0 || overridden.length > 0;
}
