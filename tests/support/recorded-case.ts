import { Readable } from 'node:stream';
import type { Client } from '../../shared/client';
import type { Core } from '../../electron/core/core';
import { insertUser, signInWith } from './core';
import { referral } from './intake';

export const RECORDING_PASSWORD = 'recorded case test sentence';
const allDay = { open: true, start: '00:00', end: '23:59' };

/**
 * A coordinator with a room and an interviewer, open all day in UTC, ready to
 * book interviews and register recordings: what backup, crash and evidence
 * tests need before their own steps.
 */
export async function recordingCentre(core: Core): Promise<{ coord: Client; interviewerId: number; roomId: number }> {
  const interviewerId = await insertUser(core.store.db, 'iv', RECORDING_PASSWORD, ['forensic_interviewer']);
  await insertUser(core.store.db, 'coord', RECORDING_PASSWORD, ['coordinator']);
  const coord = await signInWith(core, 'coord', RECORDING_PASSWORD);
  return { coord, interviewerId, roomId: await openAllDay(coord) };
}

/** The centre open every day, all day, in UTC, with no buffer, and one interview room: no test's booking meets working hours. Answers the room. */
export async function openAllDay(coord: Client, roomName = 'Room'): Promise<number> {
  const { rules } = await coord.call('resources.list', {});
  await coord.call('resources.saveRules', { version: rules.version, timeZone: 'UTC', hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay }, bufferMinutes: 0, dailyLimit: 10 });
  return (await coord.call('resources.saveRoom', { id: null, version: 0, name: roomName, kind: 'interview', equipment: '', active: true })).id;
}

/** Tomorrow at 10:00 UTC after `now`: a booking that never crosses midnight, whenever the suite runs. */
export function tomorrowAtTen(now: Date): string {
  const tomorrow = new Date(now.getTime() + 86_400_000);
  tomorrow.setUTCHours(10, 0, 0, 0);
  return tomorrow.toISOString();
}

/** An hour's interview of the case, in that room, with that interviewer, and nothing else. */
export async function bookInterview(coord: Client, booking: { caseId: number; roomId: number; interviewerId: number; startsAt: string }): Promise<{ id: number }> {
  return coord.call('interviews.schedule', {
    caseId: booking.caseId,
    supplementaryId: null,
    startsAt: booking.startsAt,
    durationMinutes: 60,
    roomId: booking.roomId,
    observationRoomId: null,
    interviewerId: booking.interviewerId,
    interpreterId: null,
    interpreterLanguage: '',
    supportPerson: '',
    invitees: [],
    planning: null,
  });
}

/** A new case with an interview tomorrow at 10:00 UTC (never across midnight) and one registered recording of these bytes. */
export async function recordedCase(
  core: Core,
  centre: { coord: Client; interviewerId: number; roomId: number },
  child: { firstName: string; lastName: string },
  bytes: Buffer,
  now: Date,
): Promise<{ caseId: number; interviewId: number; recordingId: number; sha256: string }> {
  const { coord } = centre;
  const created = await coord.call('cases.create', referral(child, {}, now));
  const interview = await bookInterview(coord, { caseId: created.id, roomId: centre.roomId, interviewerId: centre.interviewerId, startsAt: tomorrowAtTen(now) });
  const started = await coord.call('recordings.startUpload', { interviewId: interview.id, fileName: 'cam.mp4', size: bytes.length });
  const received = await core.receiveUpload(started.uploadId, coord.token, Readable.from([bytes]));
  if (!received.ok) throw new Error(`upload refused: ${JSON.stringify(received)}`);
  const recording = await coord.call('recordings.register', { interviewId: interview.id, uploadId: started.uploadId, kind: 'main_video' });
  return { caseId: created.id, interviewId: interview.id, recordingId: recording.id, sha256: recording.sha256 };
}
