import { Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { type ApiFailure, toApiFailure } from '@/lib/api/failure';
import { goBack, openPath } from '@/lib/navigation';
import { UPKEEP_PATHS } from '@/lib/upkeepPaths';
import { accessibleName } from '@/lib/ui/a11y';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { reportCorrection } from '../api';
import { fieldError } from '../draft';
import { CORRECTION_TEXT_MAX as MAX_TEXT } from '@contract/upkeep';
import { correctionKindWords, correctionKinds, type CorrectionKind, type CorrectionView } from '../types';
import { dayText } from '../format';



/** 信息有误: what is wrong in one tap, a few words when it is something else; what was typed stays if sending fails. */
export function ReportForm({ pointId, pointName }: { pointId: string; pointName: string }) {
  const [kind, setKind] = useState<CorrectionKind>();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CorrectionView>();

  const submit = async () => {
    if (!kind) return setProblem('请先选择哪里不对');
    if (kind === 'other' && !text.trim()) return setProblem('选了“其他”，请写几个字说明哪里不对');
    setProblem(undefined);
    setBusy(true);
    setFailure(undefined);
    try {
      setDone(await reportCorrection(pointId, kind, text.trim()));
    } catch (error) {
      setFailure(toApiFailure(error));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <View className='card' id='report-done' role='status'>
        <View className='text-title'>谢谢您，反馈已收到</View>
        <View className='field'>社区工作人员会在 {dayText(done.dueDate)} 前核实，处理结果会发到您的“消息”里。</View>
        <Button id='report-mine' className='big-button field' type='primary' size='large' block onClick={() => void openPath(UPKEEP_PATHS.mine, 'replace')}>
          查看我的反馈
        </Button>
        <Button id='report-back' className='big-button field' size='large' block onClick={() => void goBack()}>
          返回
        </Button>
      </View>
    );
  }
  // 429: the server's own words say the day's limit is reached; add when to try again.
  const failureText = failure?.status === 429 ? `${failure.message}（明天可以再反馈）` : failure?.message;
  return (
    <View className='card' id='report-form'>
      <View className='text-title'>{pointName}</View>
      <View className='field__label field'>哪里不对？</View>
      <View className='chip-row' role='radiogroup' {...accessibleName('哪里不对')}>
        {correctionKinds.map((k) => (
          <ToggleChip key={k} id={`report-kind-${k}`} radio on={kind === k} label={correctionKindWords[k]} onTap={() => setKind(k)} />
        ))}
      </View>
      <View className='field'>
        <View className='field__label'>{kind === 'other' ? '请说明哪里不对（必填）' : '补充说明（可不填）'}，最多 {MAX_TEXT} 字</View>
        <Textarea
          id='report-text'
          className='field__input field__input--multiline'
          value={text}
          maxlength={MAX_TEXT}
          placeholder='如：门口贴了装修通知，下月才开'
          {...accessibleName('说明')}
          onInput={(e) => setText(e.detail.value)}
        />
        {fieldError(failure?.fields, 'text') ? <View className='field__error'>{fieldError(failure?.fields, 'text')}</View> : null}
      </View>
      {problem || failureText ? (
        <View className='field__error' role='alert' id='report-failure'>
          {problem ?? failureText}
        </View>
      ) : null}
      <Button id='report-submit' className='big-button field' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void submit()}>
        提交反馈
      </Button>
    </View>
  );
}
