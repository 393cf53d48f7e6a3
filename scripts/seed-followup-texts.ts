// What the demo follow-up says (scripts/seed-followup.ts): examination findings,
// therapy goals and notes, meeting agendas, action items, the services children
// are referred to. Case texts are English, as the seeded referrals are; the
// outside services keep the names they have in Romania and Bulgaria.
import type { MedicalFollowupKind, ServiceKind, TherapyClosureReason } from '../shared/followup/categories';

export const examFindings: Record<'forensic' | 'paediatric' | 'gynaecological' | 'follow_up', readonly string[]> = {
  forensic: [
    'Two yellow-green bruises on the left upper arm, 3 × 2 cm and 2 × 1.5 cm, consistent with grip marks several days old. No fractures on palpation. Photographs taken with consent.',
    'Linear bruises on the back of both thighs, 8–10 cm, parallel, consistent with blows with a belt or strap. Healing abrasion on the right elbow. Child calm during the examination.',
    'No visible injuries at the time of examination. Normal findings do not exclude the abuse described. Samples taken for laboratory tests.',
    'Healed scar 2 cm on the forehead; the child says it is from a fall last year. Fresh bruise behind the left ear, about 2 days old. X-ray of the left wrist requested.',
    'Multiple small circular scars on the forearms, possibly cigarette burns of different ages. Weight below the 3rd percentile for age.',
  ],
  paediatric: [
    'Weight and height below the 3rd percentile; dental caries with an abscess on the lower right molar; untreated scabies. Vaccinations incomplete.',
    'General condition good. Mild anaemia suspected (pale conjunctivae); full blood count requested. Sleep problems reported by the carer.',
    'Head lice, dermatitis on the hands, clothes not suited to the season. No injuries. Development appropriate for age.',
    'Child underweight, tired, poor hygiene. Chronic otitis of the right ear, untreated. Referred to ENT.',
  ],
  gynaecological: [
    'Examination under the child’s agreement with the support person present. Hymenal findings within normal variation; normal findings do not exclude abuse. Swabs taken for STI tests.',
    'Superficial abrasion of the posterior fourchette, healing, consistent with the history. Swabs and blood taken for STI and pregnancy tests.',
    'No acute injuries. Emergency contraception discussed with the adolescent and her mother. Blood tests for HIV, hepatitis B and syphilis requested.',
  ],
  follow_up: [
    'Bruises seen at the first examination have healed. Weight gain of 1.2 kg in four weeks. No new injuries.',
    'Laboratory results reviewed with the mother: STI tests negative. Second blood test for HIV due in three months.',
    'The fracture of the left wrist is healing well; cast removed. Physiotherapy recommended.',
  ],
};

export const teamSummaries: readonly string[] = [
  'Examined; injuries documented with photographs. The child is physically well enough to be interviewed.',
  'Examined; no urgent medical needs. Follow-up tests are booked; the centre will tell the team when results are in.',
  'Examined; the findings support the referral. The forensic report goes to the prosecutor on request.',
  'Examined; the child needs dental treatment and vaccinations, arranged with the family doctor.',
  '',
];

export const followupNeeds: Record<MedicalFollowupKind, readonly string[]> = {
  laboratory_test: ['Blood tests for HIV, hepatitis B and syphilis', 'Repeat STI swab results', 'Full blood count and iron', 'Toxicology screen results'],
  imaging: ['X-ray of the left wrist', 'Skeletal survey', 'Ultrasound of the abdomen'],
  specialist_referral: ['Paediatric dentist for the abscess', 'ENT review of the chronic otitis', 'Child psychiatrist: sleep and self-harm', 'Dermatology for scabies'],
  treatment: ['Treatment for scabies for the whole household', 'Iron supplement for three months', 'Antibiotics course and check'],
  vaccination: ['Catch-up vaccinations with the family doctor', 'Hepatitis B vaccination, second dose'],
  other: ['Weigh again in four weeks', 'Glasses prescription', 'Hearing test'],
};

export const followupResults: readonly string[] = [
  'Negative.',
  'Done; results normal.',
  'Seen by the specialist; treatment started.',
  'Completed; no further action needed.',
  'Result sent to the family doctor.',
];

export const cancelReasons: readonly string[] = [
  'The family did not come; rebooking by phone.',
  'The child was ill with a fever.',
  'The examiner was called to an emergency.',
  'Consent was withdrawn before the examination.',
  'The child was moved to a placement in another county.',
];

export const goals: readonly string[] = [
  'Reduce nightmares and sleep problems',
  'Feel safe at home and at school',
  'Name and manage feelings of anger and fear',
  'Build a trauma narrative at the child’s pace',
  'Return to regular school attendance',
  'Strengthen the relationship with the protective parent',
  'Stop self-harm; safety plan in place',
  'Understand body safety and whom to tell',
  'Reduce avoidance of reminders of the abuse',
  'Parent learns to respond to the child’s distress',
];

export const sessionNotes: readonly string[] = [
  'Worked on a safe place exercise; the child was engaged and drew the house of the grandmother.',
  'Psychoeducation on common reactions to trauma with the child and the mother. Mother tearful but supportive.',
  'Continued the trauma narrative (chapter 2). Some avoidance; used breathing to regulate. Ended with a game.',
  'Child reports fewer nightmares this week. Practised the feelings thermometer.',
  'Family session: rules at home, how the mother responds to outbursts. Homework: a daily 10 minutes of play.',
  'The child was quiet and tired; did not want to talk about school. Played with sand; themes of hiding.',
  'Reviewed the safety plan; no self-harm since the last session.',
];

export const missedNotes: readonly string[] = ['', '', 'Did not come; the mother did not answer the phone.', 'Did not come; no message.', 'Cancelled by the mother the same morning.'];

/** Standardised questionnaires and the range of their total score. */
export const instruments: readonly { name: string; min: number; max: number }[] = [
  { name: 'CPSS-5', min: 0, max: 80 },
  { name: 'SDQ (parent)', min: 0, max: 40 },
  { name: 'CATS', min: 0, max: 60 },
  { name: 'TSCYC (PTS-TOT)', min: 40, max: 90 },
];

export const sharedSummaries: readonly string[] = [
  'Weekly sessions with the child, monthly with the mother. Engaged; attendance good.',
  'Trauma-focused therapy under way. The child is settling; school reports fewer incidents.',
  'Sessions every other week while the family finds transport. Please tell the therapist of any contact with the alleged perpetrator.',
  '',
];

export const closureNotes: Record<TherapyClosureReason, readonly string[]> = {
  goals_met: ['Goals met; symptoms much reduced. Family knows to call if things get worse.', 'Ended as planned; a check-in session offered in three months.'],
  family_withdrew: ['The mother said the child no longer needs it.', 'The family stopped coming after the court hearing.'],
  referred_elsewhere: ['Referred to the child psychiatry service for longer-term work.', 'Continues with a therapist near the new placement.'],
  moved_away: ['The family moved to another county; details passed on with consent.'],
  no_engagement: ['Repeated no-shows; letters and calls unanswered. Case coordinator informed.'],
  other: ['Therapy paused while the child is in hospital.'],
};

export const agendas: Record<'initial_signal' | 'follow_up' | 'crisis_intervention', readonly string[]> = {
  initial_signal: [
    'New signal: is the child safe tonight? Who informs the family, and when?',
    'Signal received; assess the risk at home, agree the forensic interview and the medical examination.',
    'Initial assessment of the signal; contact with the school; the police investigation under way.',
  ],
  follow_up: [
    'Progress since the interview: medical follow-up, therapy attendance, the criminal file.',
    'Review of the intervention plan; school attendance; the family’s cooperation.',
    'Where the case stands: the prosecutor’s decision, therapy, support for the mother.',
  ],
  crisis_intervention: [
    'The child ran away from the placement last night; found by the police. Immediate safety.',
    'New disclosure at school; the alleged perpetrator is back in the home.',
    'The child self-harmed; hospital admission. Coordination of the next 48 hours.',
  ],
};

export const decisions: Record<'initial_signal' | 'follow_up' | 'crisis_intervention', readonly string[]> = {
  initial_signal: [
    'Child stays with the grandmother until the risk assessment is done. Forensic interview this week; medical examination before it.',
    'Risk assessed as high: emergency placement with the foster carer. The police inform the prosecutor today.',
    'The mother is protective and cooperates; the child stays at home with a safety plan. Interview and examination to be booked.',
  ],
  follow_up: [
    'Therapy to continue weekly; the school psychologist keeps in touch with the therapist. Next review in two months.',
    'The family needs financial support: referral to social assistance. Medical follow-up results awaited.',
    'The criminal file goes to court; the child will be prepared for the hearing.',
  ],
  crisis_intervention: [
    'The child moves to a specialised placement today; therapist sees the child within 48 hours.',
    'Protection order requested; the mother and child move to the shelter tonight.',
  ],
};

export type ActionAgency = 'police' | 'child_protection' | 'medical' | 'therapy' | 'barnahus_staff';

export const actions: Record<ActionAgency, readonly string[]> = {
  police: [
    'Take the statement of the teacher who received the disclosure',
    'Ask the hospital for the emergency room records',
    'Check the phone seized from the suspect for images of the child',
    'Tell the prosecutor of the date of the forensic interview',
    'Serve the protection order on the alleged perpetrator',
  ],
  child_protection: [
    'Home visit and safety assessment',
    'Find a placement with relatives if the mother cannot protect the child',
    'Apply for the child allowance the family is entitled to',
    'Talk to the school about the child’s absences',
    'Write the intervention plan and send it to the team',
  ],
  medical: ['Book the forensic medical examination', 'Send the laboratory results to the family doctor', 'Arrange the dental treatment'],
  therapy: ['Start crisis intervention sessions', 'Give the team a short update on therapy attendance', 'Meet the mother to agree a session time that suits the school'],
  barnahus_staff: [
    'Book the forensic interview and the interpreter',
    'Collect the consents of the mother',
    'Invite the school psychologist to the next review',
    'Send the minutes to the prosecutor',
    'Ask the court for the hearing date',
  ],
};

export const outsideMembers: readonly { agency: 'education' | 'medical' | 'municipality' | 'ngo' | 'court'; title: string }[] = [
  { agency: 'education', title: 'School psychologist' },
  { agency: 'education', title: 'Class teacher' },
  { agency: 'medical', title: 'Family doctor' },
  { agency: 'municipality', title: 'Municipal social worker' },
  { agency: 'ngo', title: 'Outreach worker' },
];

/** The services children and families are referred to, as each country names them. */
export const services: Record<ServiceKind, Record<'ro' | 'bg', readonly string[]>> = {
  shelter: { ro: ['Centrul de Primire în Regim de Urgență {city}', 'Adăpostul pentru Victimele Violenței Domestice {city}'], bg: ['Кризисен център за деца – {city}', 'Кризисен център за жени и деца – {city}'] },
  mental_health: { ro: ['Centrul de Sănătate Mintală pentru Copii {city}', 'Spitalul de Psihiatrie, secția copii'], bg: ['Център за психично здраве – {city}, детски кабинет', 'ДПБ – детско отделение'] },
  school_support: { ro: ['CJRAE, Centrul Județean de Resurse și Asistență Educațională', 'Școala: consilier școlar'], bg: ['Регионален център за подкрепа на приобщаващото образование – {city}', 'Училищен екип за личностно развитие'] },
  anti_trafficking: { ro: ['ANITP, Centrul Regional {city}'], bg: ['Национална комисия за борба с трафика на хора', 'Местна комисия за борба с трафика – {city}'] },
  perpetrator_programme: { ro: ['Serviciul de Probațiune {city}, program pentru agresori'], bg: ['Програма за извършители на домашно насилие – {city}'] },
  social_assistance: { ro: ['Direcția de Asistență Socială {city}', 'Primăria {city}, ajutor social'], bg: ['Дирекция „Социално подпомагане“ – {city}', 'Община {city}, социални услуги'] },
  legal_aid: { ro: ['Baroul {city}, asistență juridică gratuită', 'Asociația pentru Apărarea Drepturilor Victimelor'], bg: ['Национално бюро за правна помощ', 'Адвокатска колегия – {city}'] },
  medical_specialist: { ro: ['Spitalul Județean de Urgență {city}, Pediatrie', 'Clinica de Psihiatrie Pediatrică'], bg: ['МБАЛ – {city}, детско отделение', 'УМБАЛ – детска психиатрия'] },
  family_support: { ro: ['Centrul de Consiliere pentru Părinți {city}', 'Serviciul de Sprijin pentru Familie'], bg: ['Център за обществена подкрепа – {city}', 'Център за работа с деца и семейства'] },
  other: { ro: ['Clubul Sportiv Școlar {city}', 'Tabăra de vară a Asociației „Salvați Copiii”'], bg: ['Младежки център – {city}', 'Летен лагер на „Спаси децата“'] },
};

export const referralNotes: readonly string[] = [
  '',
  '',
  'The mother agreed by phone.',
  'Waiting list of about a month.',
  'First appointment given.',
  'The family did not go to the first appointment.',
];
