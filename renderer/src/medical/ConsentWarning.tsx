import { CareConsentWarning } from '../cases/CareConsentWarning';

/** The exam's consent does not stand: the same warning, and the same centre rule, as therapy's. */
export function ConsentWarning() {
  return <CareConsentWarning scope="medical_exam" testId="exam-consent-warning" />;
}
