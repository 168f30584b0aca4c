import { Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { type ApiFailure, toApiFailure } from '@/lib/api/failure';
import { addDays, chinaDate, formatDay } from '@/lib/date';
import { accessibleName } from '@/lib/ui/a11y';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { handleCorrection } from '../api';
import { fieldError } from '../draft';
import { dayText } from '../format';
import { correctionKindWords, correctionOutcomeWords, correctionOutcomes, type CorrectionView } from '../types';
import { TextField } from './TextField';

/** How a report was handled, or when it is due (超期 in words and colour). */
export function CorrectionState({ correction }: { correction: CorrectionView }) {
  if (correction.outcome) {
    return (
      <View className='correction__state' id={`correction-${correction.id}-outcome`}>
        处理结果：{correctionOutcomeWords[correction.outcome]}
        {correction.note ? `（${correction.note}）` : ''}
      </View>
    );
  }
  return (
    <View className={`correction__state${correction.overdue ? ' correction__state--overdue' : ''}`} id={`correction-${correction.id}-due`}>
      {correction.overdue ? `超期：应在 ${dayText(correction.dueDate)} 前处理` : `${dayText(correction.dueDate)}前处理`}
    </View>
  );
}

/** The worker's answer to one report: an outcome, a note, and optionally a pause of the point until a date. */
function HandleForm({ correction, onDone }: { correction: CorrectionView; onDone: (handled: CorrectionView) => void }) {
  const [outcome, setOutcome] = useState<(typeof correctionOutcomes)[number]>();
  const [note, setNote] = useState('');
  const [pauseOn, setPauseOn] = useState(false);
  const [until, setUntil] = useState(() => addDays(chinaDate(), 7));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!outcome) return setProblem('请先选择处理结果');
    if (pauseOn && !reason.trim()) return setProblem('请写明暂停原因，居民会看到');
    setProblem(undefined);
    if (outcome === 'closed') {
      const { confirm } = await Taro.showModal({ title: '关闭该服务点', content: `关闭后“${correction.pointName}”会从服务列表里移除，不能恢复。确定关闭吗？`, confirmText: '关闭该点', cancelText: '不关闭' });
      if (!confirm) return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      const pause = pauseOn && outcome !== 'closed' ? { from: chinaDate(), to: until.trim(), reason: reason.trim() } : null;
      onDone(await handleCorrection(correction.id, outcome, note.trim(), pause));
      void Taro.showToast({ title: '已处理，居民会收到消息', icon: 'none' });
    } catch (error) {
      setFailure(toApiFailure(error)); // what was chosen and typed stays
    } finally {
      setBusy(false);
    }
  };

  const prefix = `correction-${correction.id}`;
  return (
    <View className='correction__form'>
      <View className='field__label'>处理结果</View>
      <View className='chip-row' role='radiogroup' {...accessibleName('处理结果')}>
        {correctionOutcomes.map((o) => (
          <ToggleChip key={o} id={`${prefix}-outcome-${o}`} radio on={outcome === o} label={correctionOutcomeWords[o]} onTap={() => setOutcome(o)} />
        ))}
      </View>
      <View className='field'>
        <View className='field__label'>说明（可不填，会告诉居民）</View>
        <Textarea id={`${prefix}-note`} className='field__input field__input--multiline' value={note} maxlength={200} placeholder='如：已电话核实，装修到月底' {...accessibleName('说明')} onInput={(e) => setNote(e.detail.value)} />
        {fieldError(failure?.fields, 'note') ? <View className='field__error'>{fieldError(failure?.fields, 'note')}</View> : null}
      </View>
      {outcome !== 'closed' ? (
        <View className='chip-row field'>
          <ToggleChip id={`${prefix}-pause`} on={pauseOn} label='同时暂停营业' onTap={() => setPauseOn(!pauseOn)} />
        </View>
      ) : null}
      {pauseOn && outcome !== 'closed' ? (
        <>
          <TextField id={`${prefix}-pause-to`} label='暂停到哪天（含这天，如 2026-12-20）' value={until} maxlength={10} error={fieldError(failure?.fields, 'pause.to')} onChange={setUntil} />
          <TextField id={`${prefix}-pause-reason`} label='暂停原因（居民会看到）' value={reason} maxlength={40} error={fieldError(failure?.fields, 'pause.reason')} onChange={setReason} />
        </>
      ) : null}
      {problem || failure ? (
        <View className='field__error' role='alert' id={`${prefix}-failure`}>
          {problem ?? failure?.message}
        </View>
      ) : null}
      <Button id={`${prefix}-submit`} className='big-button field' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void submit()}>
        提交处理结果
      </Button>
    </View>
  );
}

/** One resident report in 纠错待办: which point, what is wrong, by when; open ones carry their form. */
export function CorrectionItem({ correction, onHandled }: { correction: CorrectionView; onHandled?: (handled: CorrectionView) => void }) {
  return (
    <View className={`card correction${correction.overdue && correction.state === 'open' ? ' correction--overdue' : ''}`} id={`correction-${correction.id}`}>
      <View className='text-title'>{correction.pointName}</View>
      <View className='correction__kind'>居民反馈：{correctionKindWords[correction.kind]}</View>
      {correction.text ? <View className='correction__text'>“{correction.text}”</View> : null}
      <View className='text-secondary'>反馈于 {formatDay(correction.createdAt)}</View>
      <CorrectionState correction={correction} />
      {correction.state === 'open' && onHandled ? <HandleForm correction={correction} onDone={onHandled} /> : null}
    </View>
  );
}
