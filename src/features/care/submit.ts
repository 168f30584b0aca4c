import type { Booking, CreateBookingBody } from '@contract/care';
import { type ApiFailure, toApiFailure } from '@/lib/api/failure';
import { createBooking } from './api';
import { useBookingDraft } from './draft';
import { afterFailure, attemptFor } from './idempotency';

/** What the user can do about a failed booking: the button beside the server's reason. */
export type RefusalAction = 'retry' | 'change-slot' | 'change-elder' | 'change-choices';

export interface Refusal {
  /** The server's reason, in its words (已约满 …), or the network's. */
  message: string;
  /** What to do instead, in a sentence. */
  advice: string;
  action: RefusalAction;
  actionText: string;
}

/** Every refusal in plain words, next to what to do instead. */
export function refusalOf(failure: ApiFailure): Refusal {
  if (failure.retryable) {
    return {
      message: failure.message,
      advice: '您的选择都还在。再点一次不会重复预约。',
      action: 'retry',
      actionText: '重试',
    };
  }
  if (failure.status === 404) {
    return {
      message: failure.message,
      advice: '请重新选择为哪位老人预约，或到“我的 → 家人”查看绑定。',
      action: 'change-elder',
      actionText: '重新选择老人',
    };
  }
  if (failure.status === 409) {
    return {
      message: failure.message,
      advice: '可以换一个时段或日期再约，您的其他选择都还在。',
      action: 'change-slot',
      actionText: '换个时段',
    };
  }
  const fieldMessages = Object.values(failure.fields ?? {});
  return {
    message: fieldMessages.length > 0 ? fieldMessages.join('；') : failure.message,
    advice: '请回去改一下再提交，您的其他选择都还在。',
    action: 'change-choices',
    actionText: '返回修改',
  };
}

/**
 * Sends the booking for the draft's choices. One Idempotency-Key per attempt: a retry after no answer sends the
 * same key (the server answers the first booking again); a refusal or changed choices start a new attempt.
 */
export async function submitBooking(body: CreateBookingBody): Promise<Booking> {
  const draft = useBookingDraft.getState();
  const attempt = attemptFor(draft.attempt, JSON.stringify(body));
  draft.setAttempt(attempt);
  try {
    const booking = await createBooking(body, attempt.key);
    useBookingDraft.getState().clear();
    return booking;
  } catch (error) {
    const failure = toApiFailure(error);
    useBookingDraft.getState().setAttempt(afterFailure(attempt, failure.retryable));
    throw failure;
  }
}
