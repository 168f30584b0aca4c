/**
 * The rules of the reports queue, without the database: a report's deadline (working days from the day it
 * came in, on the holiday calendar), whether it is overdue, its view, and what its reporter is told.
 */
import type { Calendar } from '@contract/rules/calendar';
import {
  correctionKindWords,
  correctionOutcomeWords,
  type CorrectionKind,
  type CorrectionOutcome,
  type CorrectionState,
  type CorrectionView,
} from '@contract/upkeep';
import upkeepConfig from '../../../config/domain/upkeep.json';
import type { Selectable } from 'kysely';
import type { CorrectionsTable } from './tables';

/** The last day to handle a report made on `reportedOn` (China date): `reportDeadlineWorkingDays` working days on. */
export function dueDateFor(calendar: Calendar, reportedOn: string): string {
  return calendar.addWorkingDays(reportedOn, upkeepConfig.reportDeadlineWorkingDays);
}

export function isOverdue(state: string, dueDate: string, today: string): boolean {
  return state === 'open' && today > dueDate;
}

export function correctionView(row: Selectable<CorrectionsTable> & { point_name: string }, today: string): CorrectionView {
  return {
    id: row.id,
    pointId: row.service_point_id,
    pointName: row.point_name,
    kind: row.kind as CorrectionKind,
    text: row.text,
    createdAt: row.created_at,
    dueDate: row.due_date,
    overdue: isOverdue(row.state, row.due_date, today),
    state: row.state as CorrectionState,
    outcome: row.outcome as CorrectionOutcome | null,
    note: row.note,
    handledAt: row.handled_at,
  };
}

/** A sentence as the worker typed it, closed with 。 unless it already ends in a stop. */
const sentence = (words: string) => (/[。！？.!?]$/.test(words) ? words : `${words}。`);

/** The 消息 a reporter gets when their report is handled (with the pause the worker set in the same step). */
export function outcomeMessage(
  pointName: string,
  kind: CorrectionKind,
  outcome: CorrectionOutcome,
  note: string | null,
  pause: { words: string } | null = null,
) {
  const paused = pause?.words ? `该点${pause.words}。` : '';
  const body = `您反馈的「${pointName}」${correctionKindWords[kind]}，社区已处理：${correctionOutcomeWords[outcome]}。${paused}${note ? `说明：${sentence(note)}` : ''}谢谢您帮大家把信息弄准。`;
  return { title: '您反馈的信息已处理', body };
}
