import { Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { VisitMethod } from '@contract/care';
import { type ApiFailure, toApiFailure } from '@/lib/api/failure';
import { goBack } from '@/lib/navigation';
import { accessibleName } from '@/lib/ui/a11y';
import { BackLink } from '@/lib/ui/BackLink';
import { PageRoot } from '@/lib/ui/PageRoot';
import { StaffGate } from '@/lib/ui/StaffGate';
import { createVisit } from '../../api';
import '../../staff.scss';

const METHODS: Array<{ id: VisitMethod; label: string }> = [
  { id: 'home', label: '上门' },
  { id: 'phone', label: '电话' },
  { id: 'video', label: '视频' },
];

const FINDINGS = [
  { key: 'health', label: '健康情况', placeholder: '如：血压平稳，按时服药' },
  { key: 'economy', label: '经济情况', placeholder: '如：低保按月到账' },
  { key: 'safety', label: '居住安全', placeholder: '如：燃气报警器正常' },
  { key: 'needsReferred', label: '需要转介的需求', placeholder: '如：需要助浴，已告知助浴点' },
] as const;

type Findings = Record<(typeof FINDINGS)[number]['key'], string>;

function VisitForm({ elderId, name }: { elderId: number; name: string }) {
  const [method, setMethod] = useState<VisitMethod>('home');
  const [findings, setFindings] = useState<Findings>({ health: '', economy: '', safety: '', needsReferred: '' });
  const [failure, setFailure] = useState<ApiFailure>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    setFailure(undefined);
    try {
      await createVisit({ elderId, method, ...findings });
      void Taro.showToast({ title: '探访已记录', icon: 'none' });
      void goBack();
    } catch (error) {
      setFailure(toApiFailure(error)); // what was typed stays
    } finally {
      setSaving(false);
    }
  };
  return (
    <View className='card'>
      <View className='text-title'>探访 {name}</View>
      <View className='field__label field'>方式</View>
      <View className='day-strip' role='radiogroup' {...accessibleName('探访方式')}>
        {METHODS.map((m) => (
          <View key={m.id} id={`visit-method-${m.id}`} className={method === m.id ? 'day-chip day-chip--selected' : 'day-chip'} role='radio' aria-checked={method === m.id ? 'true' : 'false'} onClick={() => setMethod(m.id)}>
            {method === m.id ? '✓ ' : ''}
            {m.label}
          </View>
        ))}
      </View>
      {FINDINGS.map((f) => (
        <View key={f.key} className='field'>
          <View className='field__label'>{f.label}</View>
          <Textarea
            id={`visit-${f.key}`}
            className='field__input field__input--multiline'
            value={findings[f.key]}
            maxlength={300}
            placeholder={f.placeholder}
            onInput={(e) => setFindings((previous) => ({ ...previous, [f.key]: e.detail.value }))}
          />
          {failure?.fields?.[f.key] ? <View className='field__error'>{failure.fields[f.key]}</View> : null}
        </View>
      ))}
      {failure ? (
        <View className='field__error' role='alert' id='visit-failure'>
          {failure.message}
        </View>
      ) : null}
      <Button id='visit-save' className='big-button field' type='primary' size='large' block loading={saving} disabled={saving} onClick={() => void save()}>
        保存探访记录
      </Button>
    </View>
  );
}

/** Recording one visit: 上门/电话/视频 and the findings (health, economy, safety, needs referred). */
export default function VisitPage() {
  const params = useRouter().params;
  const elderId = Number(params.elder);
  return (
    <PageRoot className='visit'>
      <BackLink id='visit-back' />
      <StaffGate roles={['worker']} who='社区工作人员'>
        {Number.isInteger(elderId) && elderId > 0 ? <VisitForm elderId={elderId} name={params.name ? decodeURIComponent(params.name) : ''} /> : <View className='card'>没有指明要探访哪位老人，请从月探访列表进入。</View>}
      </StaffGate>
    </PageRoot>
  );
}
