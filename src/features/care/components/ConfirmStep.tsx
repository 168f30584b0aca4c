import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { CareService, ElderSummary, Quote, Slot } from '@contract/care';
import { formatDayTime } from '@/lib/date';
import type { BookingChoices } from '../draft';
import { mealModeNames } from '@contract/care-words';
import { payableText, slotTimeText } from '../format';
import type { Refusal } from '../submit';
import { SummaryRow } from './SummaryRow';

interface ConfirmStepProps {
  elder: ElderSummary;
  service: CareService;
  slot: Slot;
  choices: BookingChoices;
  elderAddress: string | null | undefined;
  quote: Quote | null | undefined;
  submitting: boolean;
  refusal: Refusal | null;
  onConfirm: () => void;
  onRefusalAction: (refusal: Refusal) => void;
  onBack: () => void;
}

/** Everything once more before it is booked: who, what, when, where, the price after subsidy, until when to cancel. */
export function ConfirmStep(props: ConfirmStepProps) {
  const { elder, service, slot, choices, elderAddress, quote, submitting, refusal } = props;
  const meal = service.kind === 'meal';
  const goesToElder = (meal && choices.mealMode === 'delivery') || service.place === 'home';
  const address = choices.address.trim() || elderAddress || '老人档案里的地址';
  return (
    <View id='book-confirm'>
      <View className='card'>
        <View className='text-title'>请核对预约</View>
        <SummaryRow id='confirm-elder' label='为谁'>{elder.name}</SummaryRow>
        <SummaryRow id='confirm-service' label='服务'>{`${service.kindName} · ${service.name}`}</SummaryRow>
        <SummaryRow id='confirm-point' label='服务点'>{service.servicePoint.name}</SummaryRow>
        <SummaryRow id='confirm-time' label='时间'>{slotTimeText(slot)}</SummaryRow>
        {meal && choices.mealMode ? <SummaryRow id='confirm-mode' label='方式'>{mealModeNames[choices.mealMode]}</SummaryRow> : null}
        {goesToElder ? <SummaryRow id='confirm-address' label={meal ? '送到' : '上门地址'}>{address}</SummaryRow> : null}
        {choices.note.trim() ? <SummaryRow id='confirm-note' label='备注'>{choices.note.trim()}</SummaryRow> : null}
        {quote ? <SummaryRow id='confirm-price' label='价格'>{payableText(quote.price)}</SummaryRow> : null}
        <View className='text-secondary summary-note'>如需取消，请在{formatDayTime(slot.cutoffAt)} 前操作。</View>
      </View>

      {refusal ? (
        <View id='book-failure' className='card refusal' role='alert'>
          <View className='refusal__message'>{refusal.message}</View>
          <View className='refusal__advice'>{refusal.advice}</View>
          <Button id='book-failure-action' className='big-button' type={refusal.action === 'retry' ? 'primary' : 'default'} size='large' block onClick={() => props.onRefusalAction(refusal)}>
            {refusal.actionText}
          </Button>
        </View>
      ) : null}

      <View className='book-bar'>
        {refusal?.action === 'retry' ? null : (
          <Button id='book-submit' className='big-button' type='primary' size='large' block loading={submitting} disabled={submitting} onClick={props.onConfirm}>
            {submitting ? '正在预约…' : '确认预约'}
          </Button>
        )}
        <View id='book-edit' className='text-link book-bar__link' role='button' onClick={props.onBack}>
          返回修改
        </View>
      </View>
    </View>
  );
}
