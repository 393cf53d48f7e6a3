import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changesBetween, threeWayMerge } from '../../../shared/merge';
import { FormError } from '../forms/FormFeedback';
import { errorMessage } from '../i18n/messages';

export interface Conflict<T extends Record<string, unknown>> {
  base: T;
  mine: T;
  theirs: T;
  /** The version of `theirs`, to save the merge against. */
  version: number;
}

/**
 * Shown when a save meets someone else's newer save: nothing is overwritten.
 * Fields only one side changed are merged; where both changed the same field
 * the person chooses, seeing both versions side by side.
 */
export function MergeDialog<T extends Record<string, unknown>>({
  conflict,
  label,
  show,
  onSave,
  onCancel,
}: {
  conflict: Conflict<T>;
  label: (field: keyof T & string) => string;
  show: (field: keyof T & string, value: unknown) => string;
  /** Receives what the merge changes against the stored version, and that version. */
  onSave: (changes: Partial<T>, version: number) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { merged, conflicts } = threeWayMerge(conflict.base, conflict.mine, conflict.theirs);
  const [choice, setChoice] = useState<Record<string, 'mine' | 'theirs'>>(() => Object.fromEntries(conflicts.map((f) => [f, 'mine'])));
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const save = async () => {
    setSaving(true);
    setFailure(null);
    const result = { ...merged };
    for (const field of conflicts) result[field] = choice[field] === 'mine' ? conflict.mine[field] : conflict.theirs[field];
    try {
      await onSave(changesBetween(conflict.theirs, result), conflict.version);
    } catch (error) {
      setFailure(errorMessage(t, error));
    } finally {
      setSaving(false);
    }
  };
  const text = (field: keyof T & string, value: unknown) => show(field, value) || t('merge.empty');
  const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  const fields = Object.keys(conflict.mine) as (keyof T & string)[];
  const keptTheirs = fields.filter((f) => differs(conflict.theirs[f], conflict.base[f]) && !differs(conflict.mine[f], conflict.base[f]));
  const keptMine = fields.filter((f) => differs(conflict.mine[f], conflict.base[f]) && !differs(conflict.theirs[f], conflict.base[f]));
  return (
    <Dialog open onClose={onCancel} maxWidth="md" fullWidth aria-labelledby="merge-title">
      <DialogTitle id="merge-title">{t('merge.title')}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>{conflicts.length ? t('merge.lead') : t('merge.leadNoConflict')}</Typography>
        {conflicts.length > 0 && (
          <Table size="small" aria-label={t('merge.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('merge.field')}</TableCell>
                <TableCell>{t('merge.yours')}</TableCell>
                <TableCell>{t('merge.theirs')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {conflicts.map((field) => (
                <TableRow key={field}>
                  <TableCell sx={{ fontWeight: 500 }}>{label(field)}</TableCell>
                  <TableCell colSpan={2} sx={{ p: 0 }}>
                    <RadioGroup
                      row
                      name={field}
                      value={choice[field]}
                      onChange={(e) => setChoice((c) => ({ ...c, [field]: e.target.value as 'mine' | 'theirs' }))}
                      sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr' }}
                    >
                      <FormControlLabel value="mine" control={<Radio />} label={text(field, conflict.mine[field])} aria-label={`${label(field)}: ${t('merge.yours')}`} sx={{ m: 0, p: 1 }} />
                      <FormControlLabel value="theirs" control={<Radio />} label={text(field, conflict.theirs[field])} aria-label={`${label(field)}: ${t('merge.theirs')}`} sx={{ m: 0, p: 1 }} />
                    </RadioGroup>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {keptTheirs.length > 0 && <Typography sx={{ mt: 2 }}>{t('merge.keptTheirs', { fields: keptTheirs.map(label).join(', ') })}</Typography>}
        {keptMine.length > 0 && <Typography sx={{ mt: 1 }}>{t('merge.keptMine', { fields: keptMine.map(label).join(', ') })}</Typography>}
        <FormError message={failure} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={saving} onClick={() => void save()}>
          {conflicts.length ? t('merge.save') : t('merge.keepBoth')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
