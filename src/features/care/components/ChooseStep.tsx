import { Input, Textarea, View } from '@tarojs/components';
import type { CareService, ElderSummary, SlotList } from '@contract/care';
import type { RequestState } from '@/lib/useRequest';
import { accessibleName } from '@/lib/ui/a11y';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import type { BookingChoices } from '../draft';
import { mealModeNames } from '@contract/care-words';
import { dayText, yuan } from '../format';
import { Choice, ChoiceSection } from './Choice';

interface ChooseStepProps {
  elders: ElderSummary[];
  services: CareService[];
  choices: BookingChoices;
  service: CareService | undefined;
  slots: RequestState<SlotList | null>;
  elderAddress: string | null | undefined;
  choose: (patch: Partial<BookingChoices>) => void;
}

function relationWord(elder: ElderSummary): string {
  return elder.access === 'self' ? '本人' : (elder.relation ?? '家人');
}

function serviceAside(service: CareService): string {
  return service.priceFen === 0 ? '免费' : `${yuan(service.priceFen)} 起`;
}

/** Who, what, when and how, top to bottom; each section appears once the one above it is chosen. */
export function ChooseStep({ elders, services, choices, service, slots, elderAddress, choose }: ChooseStepProps) {
  const elder = elders.find((e) => e.id === choices.elderId);
  const meal = service?.kind === 'meal';
  const goesToElder = (meal && choices.mealMode === 'delivery') || service?.place === 'home';
  return (
    <View>
      <ChoiceSection id='book-elder' title='为谁预约'>
        {elders.map((e) => (
          <Choice
            key={e.id}
            id={`elder-${e.id}`}
            selected={e.id === choices.elderId}
            onSelect={() => choose({ elderId: e.id })}
            title={`${e.name}（${relationWord(e)}）`}
            detail={`${e.age} 岁 · ${e.communityName}`}
          />
        ))}
      </ChoiceSection>

      <ChoiceSection id='book-service' title='服务'>
        {services.map((s) => (
          <Choice
            key={s.id}
            id={`service-${s.id}`}
            selected={s.id === choices.serviceId}
            onSelect={() => choose({ serviceId: s.id, mealMode: s.kind === 'meal' ? 'dine-in' : null })}
            title={`${s.name}`}
            detail={`${s.servicePoint.name}${s.servicePoint.isDemo ? '（演示数据）' : ''}`}
            aside={serviceAside(s)}
          />
        ))}
      </ChoiceSection>

      {service ? <SlotSections slots={slots} choices={choices} choose={choose} /> : null}

      {service && choices.slotId ? (
        <View id='book-options' className='card choice-section'>
          {meal ? (
            <>
              <View className='text-title choice-section__title'>堂食还是送餐</View>
              <View role='radiogroup' className='choice-row'>
                <Choice id='meal-dine-in' selected={choices.mealMode === 'dine-in'} onSelect={() => choose({ mealMode: 'dine-in' })} title={mealModeNames['dine-in']} detail={`到${service.servicePoint.name}吃`} />
                <Choice
                  id='meal-delivery'
                  selected={choices.mealMode === 'delivery'}
                  disabledReason={service.deliveryFeeFen === null ? '这里暂不送餐' : null}
                  onSelect={() => choose({ mealMode: 'delivery' })}
                  title={mealModeNames.delivery}
                  detail={service.deliveryFeeFen ? `送餐费 ${yuan(service.deliveryFeeFen)}` : '送到家'}
                />
              </View>
            </>
          ) : null}
          {goesToElder ? (
            <View className='field'>
              <View className='field__label'>{meal ? '送到哪里' : '上门地址'}</View>
              <Input
                id='book-address'
                className='field__input'
                value={choices.address}
                maxlength={100}
                placeholder={elderAddress ? '送到其他地址时填写' : '不填就送到老人档案里的地址'}
                onInput={(e) => choose({ address: e.detail.value })}
              />
              {elderAddress && !choices.address ? <View className='text-secondary'>送到：{elderAddress}</View> : null}
            </View>
          ) : null}
          <View className='field'>
            <View className='field__label'>备注（可不填）</View>
            <Textarea
              id='book-note'
              className='field__input field__input--multiline'
              value={choices.note}
              maxlength={200}
              placeholder={meal ? '如：少盐、软一点' : '如：需要带轮椅'}
              onInput={(e) => choose({ note: e.detail.value })}
            />
          </View>
          {elder ? null : <View className='text-secondary'>请先选择为谁预约</View>}
        </View>
      ) : null}
    </View>
  );
}

function SlotSections({ slots, choices, choose }: Pick<ChooseStepProps, 'slots' | 'choices' | 'choose'>) {
  const list = slots.data;
  if (!list && slots.loading) return <LoadingState rows={1} />;
  if (slots.failure && !list) return <ErrorState message={slots.failure.message} onRetry={slots.reload} />;
  if (!list) return null;
  const date = choices.date ?? list.date;
  return (
    <>
      <View id='book-date' className='card choice-section'>
        <View className='text-title choice-section__title'>日期</View>
        <View className='date-strip' role='radiogroup' {...accessibleName('日期')}>
          {list.dates.map((d) => (
            <View
              key={d}
              id={`date-${d}`}
              className={d === date ? 'date-chip date-chip--selected' : 'date-chip'}
              role='radio'
              aria-checked={d === date ? 'true' : 'false'}
              onClick={() => choose({ date: d, dateIsAuto: false })}
            >
              {d === date ? '✓ ' : ''}
              {dayText(d)}
            </View>
          ))}
        </View>
      </View>
      <ChoiceSection id='book-slot' title={`${dayText(list.date)}的时段`} note={slots.loading ? '正在查询名额…' : undefined}>
        {list.items.length === 0 ? <View className='text-secondary'>这一天没有可约的时段，请换一天。</View> : null}
        {list.items.map((slot) => (
          <Choice
            key={slot.id}
            id={`slot-${slot.id}`}
            selected={slot.id === choices.slotId}
            disabledReason={slot.bookable ? null : (slot.closedReason ?? '暂不可约')}
            onSelect={() => choose({ slotId: slot.id })}
            title={`${slot.start}–${slot.end}`}
            detail={slot.menu ? `菜单：${slot.menu}` : undefined}
            aside={slot.bookable ? `余 ${slot.placesLeft} 个名额` : undefined}
          />
        ))}
      </ChoiceSection>
    </>
  );
}
