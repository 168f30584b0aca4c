import { Input, View } from '@tarojs/components';
import { weekdayKeys, weekdayNames, type OpeningHours, type WeekdayKey } from '@contract/rules/opening-hours';
import { accessibleName, focusable } from '@/lib/ui/a11y';
import { fieldError } from '../draft';

interface HoursEditorProps {
  hours: OpeningHours;
  onChange: (hours: OpeningHours) => void;
  fields?: Record<string, string>;
}

/** Each weekday's opening times as 08:00–17:00 rows (a day without a row is 休息); holiday hours are kept as they were. */
export function HoursEditor({ hours, onChange, fields }: HoursEditorProps) {
  const setDay = (day: WeekdayKey, intervals: OpeningHours['weekly'][WeekdayKey]) => onChange({ ...hours, weekly: { ...hours.weekly, [day]: intervals } });
  return (
    <View className='field' id='edit-hours'>
      <View className='field__label'>每周营业时间（如 08:00 到 17:00；跨夜写 18:00 到 02:00）</View>
      {weekdayKeys.map((day) => {
        const intervals = hours.weekly[day];
        const error = fieldError(fields, `hours.weekly.${day}`);
        return (
          <View key={day} className='hours-day' id={`hours-${day}`}>
            <View className='hours-day__name'>{weekdayNames[day]}</View>
            {intervals.length === 0 ? <View className='text-secondary hours-day__rest'>休息</View> : null}
            {intervals.map((interval, i) => (
              <View key={i} className='hours-day__row'>
                <Input
                  id={`hours-${day}-${i}-open`}
                  className='field__input hours-day__time'
                  value={interval.open}
                  maxlength={5}
                  // Taro's h5 input takes no aria-label from its host: the placeholder names it for screen readers.
                  placeholder={`${weekdayNames[day]}开门`}
                  {...accessibleName(`${weekdayNames[day]}第${i + 1}段开门时间`)}
                  onInput={(e) => setDay(day, intervals.map((it, j) => (j === i ? { ...it, open: e.detail.value } : it)))}
                />
                <View>到</View>
                <Input
                  id={`hours-${day}-${i}-close`}
                  className='field__input hours-day__time'
                  value={interval.close}
                  maxlength={5}
                  // Taro's h5 input takes no aria-label from its host: the placeholder names it for screen readers.
                  placeholder={`${weekdayNames[day]}关门`}
                  {...accessibleName(`${weekdayNames[day]}第${i + 1}段关门时间`)}
                  onInput={(e) => setDay(day, intervals.map((it, j) => (j === i ? { ...it, close: e.detail.value } : it)))}
                />
                <View className='link-button' role='button' {...focusable()} onClick={() => setDay(day, intervals.filter((_, j) => j !== i))}>
                  删除
                </View>
              </View>
            ))}
            <View
              id={`hours-${day}-add`}
              className='link-button'
              role='button'
              {...focusable()}
              onClick={() => setDay(day, [...intervals, intervals.length ? { open: '14:00', close: '17:00' } : { open: '08:00', close: '17:00' }])}
            >
              ＋ 加一段时间
            </View>
            {error ? <View className='field__error'>{error}</View> : null}
          </View>
        );
      })}
    </View>
  );
}
