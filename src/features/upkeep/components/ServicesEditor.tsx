import { View } from '@tarojs/components';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { focusable } from '@/lib/ui/a11y';
import { fieldError, type ServiceDraft } from '../draft';
import { TextField } from './TextField';

interface ServicesEditorProps {
  services: ServiceDraft[];
  onChange: (services: ServiceDraft[]) => void;
  fields?: Record<string, string>;
}

/** Each service with what the resident pays and, when subsidised, the subsidy (both in yuan). */
export function ServicesEditor({ services, onChange, fields }: ServicesEditorProps) {
  const set = (i: number, patch: Partial<ServiceDraft>) => onChange(services.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <View className='field' id='edit-services'>
      <View className='field__label'>服务和价格</View>
      {services.length === 0 ? <View className='text-secondary'>还没有登记服务。</View> : null}
      {services.map((service, i) => (
        <View key={i} className='service-editor' id={`service-${i}`}>
          <TextField id={`service-${i}-name`} label={`服务 ${i + 1} 名称`} value={service.name} maxlength={40} error={fieldError(fields, `services.${i}.name`)} onChange={(name) => set(i, { name })} />
          <TextField id={`service-${i}-price`} label='居民付（元，免费填 0）' type='digit' value={service.price} maxlength={10} error={fieldError(fields, `services.${i}.priceCents`)} onChange={(price) => set(i, { price })} />
          <TextField id={`service-${i}-unit`} label='单位（次、餐、月）' value={service.unit} maxlength={10} error={fieldError(fields, `services.${i}.unit`)} onChange={(unit) => set(i, { unit })} />
          <View className='chip-row'>
            <ToggleChip id={`service-${i}-subsidised`} on={service.subsidised} label='有政府补贴' onTap={() => set(i, { subsidised: !service.subsidised })} />
          </View>
          {service.subsidised ? (
            <TextField id={`service-${i}-subsidy`} label='每单位补贴（元）' type='digit' value={service.subsidy} maxlength={10} error={fieldError(fields, `services.${i}.subsidyCents`)} onChange={(subsidy) => set(i, { subsidy })} />
          ) : null}
          <View className='link-button' role='button' {...focusable()} onClick={() => onChange(services.filter((_, j) => j !== i))}>
            删除这项服务
          </View>
        </View>
      ))}
      <View id='service-add' className='link-button' role='button' {...focusable()} onClick={() => onChange([...services, { name: '', price: '', unit: '次', subsidised: false, subsidy: '' }])}>
        ＋ 加一项服务
      </View>
    </View>
  );
}
