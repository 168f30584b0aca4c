import { Text, View } from '@tarojs/components';
import type { ServicePointDetail } from '@contract/directory';

type Hours = ServicePointDetail['hours'];

/** Today's note when today is not a plain day: "今天国庆节，按节假日时间：休息", "今天调休上班，按周一时间". */
function todayNote(today: Hours['today']): string | null {
  if (today.kind === 'holiday') return `今天是${today.label}，按节假日时间营业：${today.text}`;
  if (today.kind === 'adjustedWorkday') return `今天${today.label}，按周一的时间营业：${today.text}`;
  return null;
}

/** The week's hours with today marked (in words and weight, not only colour), and the holiday hours. */
export function HoursTable({ hours }: { hours: Hours }) {
  const note = todayNote(hours.today);
  return (
    <View id='detail-hours' className='card'>
      <View className='text-title section-title'>营业时间{hours.openAllDay ? '（24 小时）' : ''}</View>
      {hours.weekly.map((day) => (
        <View
          key={day.key}
          id={`hours-${day.key}`}
          className={`hours-row ${day.isToday ? 'hours-row--today' : ''}`}
          aria-current={day.isToday ? 'date' : undefined}
        >
          <View>
            {day.name}
            {day.isToday ? <Text className='hours-row__today'>（今天）</Text> : null}
          </View>
          <View>{day.text}</View>
        </View>
      ))}
      <View id='hours-holiday' className='hours-row'>
        <View>法定节假日</View>
        <View>{hours.holiday.text}</View>
      </View>
      {note ? (
        <View id='hours-today-note' className='hours-note text-secondary' role='note'>
          {note}
        </View>
      ) : null}
    </View>
  );
}
