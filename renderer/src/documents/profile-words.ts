import { useTranslation } from 'react-i18next';
import { profileRules, type RedactionProfile } from '../../../shared/documents/profiles';

const followUpParts = ['medical', 'therapy', 'referrals', 'meetings'] as const;

/**
 * What a redaction profile lets into a document, in one line, read from the
 * same rules the host applies: the screen cannot promise more or less than
 * the document will contain.
 */
export function useProfileLine() {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  return (profile: RedactionProfile): string => {
    const rules = profileRules[profile];
    const includes = [
      t(`documents.rules.childName.${rules.childName}`),
      t(`documents.rules.birth.${rules.birth}`),
      t(`documents.rules.familyNames.${rules.familyNames}`),
      t(`documents.rules.custodyLog.${rules.custodyLog}`),
    ];
    const leavesOut: string[] = [];
    for (const part of followUpParts) (rules.followUp[part] ? includes : leavesOut).push(t(`documents.rules.followUp.${part}`));
    (rules.consents ? includes : leavesOut).push(t('documents.rules.consents'));
    return [
      t('documents.rules.includes', { list: list.format(includes) }),
      leavesOut.length > 0 ? t('documents.rules.leavesOut', { list: list.format(leavesOut) }) : '',
      rules.followUpNeedsConsent ? t('documents.rules.consentNeeded') : '',
    ]
      .filter(Boolean)
      .join(' ');
  };
}
