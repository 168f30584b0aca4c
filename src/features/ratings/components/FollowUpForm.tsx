import { Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { MyRating } from '@contract/ratings';
import { followUpLevels, followUpWords, ratingConfig, type FollowUpLevel } from '@contract/rules/rating';
import { toApiFailure } from '@/lib/api/failure';
import { accessibleName } from '@/lib/ui/a11y';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { sendFollowUp } from '../api';

/** 追评: once, after feedback — 满意 / 基本满意 / 不满意 and optional words, confirmed before sending. */
export function FollowUpForm({ rating, onDone }: { rating: MyRating; onDone: (updated: MyRating) => void }) {
  const [level, setLevel] = useState<FollowUpLevel>();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const send = async () => {
    if (!level) return setProblem('请先选择您对处理结果是否满意');
    const { confirm } = await Taro.showModal({ title: '提交追评', content: `追评只能提交一次：${followUpWords[level]}。确定提交吗？`, confirmText: '提交', cancelText: '再想想' });
    if (!confirm) return;
    setSending(true);
    setProblem(undefined);
    try {
      onDone(await sendFollowUp(rating.id, { level, comment: comment.trim() || undefined }));
      void Taro.showToast({ title: '追评已提交', icon: 'none' });
    } catch (error) {
      setProblem(toApiFailure(error).message);
    } finally {
      setSending(false);
    }
  };
  return (
    <View className='field' id={`follow-up-${rating.id}`}>
      <View className='field__label'>您对处理结果满意吗？（追评一次）</View>
      <View className='tag-row' role='radiogroup' {...accessibleName('对处理结果是否满意')}>
        {followUpLevels.map((l) => (
          <ToggleChip key={l} id={`follow-up-${rating.id}-${l}`} radio on={level === l} label={followUpWords[l]} onTap={() => setLevel(l)} />
        ))}
      </View>
      <Textarea
        id={`follow-up-${rating.id}-comment`}
        className='field__input field__input--multiline field'
        value={comment}
        maxlength={ratingConfig.commentMaxLength}
        placeholder='还想说点什么（可不填）'
        {...accessibleName('追评的话')}
        onInput={(e) => setComment(e.detail.value)}
      />
      {problem ? (
        <View className='field__error' role='alert'>
          {problem}
        </View>
      ) : null}
      <Button id={`follow-up-${rating.id}-send`} className='big-button field' type='primary' size='large' block loading={sending} disabled={sending} onClick={() => void send()}>
        提交追评
      </Button>
    </View>
  );
}
