import { vocabulary } from '../../../../../shared/i18n/vocabulary';

/** English words of the legal hold and of the evidence-removal lines of the timeline; ro and bg mirror its keys. */
export const evidence = {
  legalHold: {
    title: 'Legal hold',
    chip: 'Legal hold',
    held: 'Under legal hold since {{date}}, set by {{name}}',
    heldNote: 'Nothing of this case’s evidence can be removed or withdrawn while the hold stands.',
    none: 'This case is not under legal hold.',
    set: 'Set legal hold',
    lift: 'Lift legal hold',
    setTitle: 'Put the case under legal hold',
    setIntro: 'While the hold stands, no recording of this case can be removed or withdrawn, whoever asks. The hold, who set it and why are on the case timeline.',
    liftTitle: 'Lift the legal hold',
    liftIntro: 'Lifting the hold lets removals be requested and approved again. Say why it no longer applies.',
    reason: 'Reason (proceedings, appeal, decision)',
    setSubmit: 'Set the hold',
    liftSubmit: 'Lift the hold',
    refused: {
      already_held: 'The case is already under legal hold.',
      not_held: 'The case is not under legal hold.',
    },
  },
  timeline: {
    recording_removal_requested: 'Asked for the recording {{file}} to be removed: {{reason}}',
    recording_removal_refused: 'Refused the removal of the recording {{file}}',
    recording_removed: 'Approved the removal of the recording {{file}}; the file was removed: {{reason}}',
    recording_withdrawn: 'Withdrew the recording {{file}}, registered by mistake',
    legal_hold_set: 'Put the case under legal hold',
    legal_hold_lifted: 'Lifted the legal hold',
    reasons: vocabulary.en.removalReasons,
  },
};
