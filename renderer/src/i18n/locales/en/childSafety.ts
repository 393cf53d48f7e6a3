/** English words of the child-safety rules (who may be informed, who may consent, care without consent); ro and bg mirror its keys. */
export const childSafety = {
  perpetratorNote: 'Alleged perpetrator: must not be told about the case.',
  overrideHelp: 'Only by the team’s decision: say why in the note.',
  doNotInform: {
    title: 'Must NOT be informed about the case',
    intro: 'Do not tell these people about the case, the interview or where the child is:',
    perpetrator: 'alleged perpetrator',
  },
  overridden: 'Alleged perpetrator who may be informed by the team’s decision: {{name}} — {{reason}}',
  withoutConsent: ' — without a consent to it',
  perpetratorCannotConsent: '{{name}} — alleged perpetrator, cannot consent',
  care: {
    refuse: {
      medical_exam: 'Record the consent to the medical exam before the examination.',
      therapy: 'No consent to therapy stands on this case: record it before logging an attended session or an assessment.',
      information_sharing: 'No consent to share information stands on this case.',
    },
    warn: 'No consent to “{{scope}}” stands on this case. The centre’s rule lets you record the work anyway; the case timeline will say it was done without consent.',
  },
  centre: {
    rule: 'Medical and therapy work without the matching consent',
    refuse: 'Refuse to record it until the consent is recorded (recommended)',
    warn: 'Record it with a warning',
    help: 'Applies to recording a medical examination, an attended therapy session and a therapy assessment.',
  },
};
