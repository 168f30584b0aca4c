import { Input, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { BindElderResult, Relation } from '@contract/care';
import { type ApiFailure, toApiFailure } from '@/lib/api/failure';
import { bindElder } from '../api';
import { relations } from '@contract/care-words';
import { Choice } from './Choice';


/** 绑定长辈: name, ID number and relation; what was typed stays when the request fails. */
export function BindForm({ onBound }: { onBound: (result: BindElderResult) => void }) {
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [relation, setRelation] = useState<Relation>('子女');
  const [failure, setFailure] = useState<ApiFailure>();
  const [sending, setSending] = useState(false);

  const submit = async () => {
    setSending(true);
    setFailure(undefined);
    try {
      onBound(await bindElder({ name: name.trim(), idNumber: idNumber.trim(), relation }));
      setName('');
      setIdNumber('');
    } catch (error) {
      setFailure(toApiFailure(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <View id='bind-form' className='card'>
      <View className='text-title'>绑定长辈</View>
      <View className='text-secondary'>绑定后可以为长辈预约。需要长辈在手机上收到的绑定码，或社区工作人员确认。</View>
      <View className='field'>
        <View className='field__label'>长辈姓名</View>
        <Input id='bind-name' className='field__input' value={name} maxlength={20} placeholder='如：张桂芝' onInput={(e) => setName(e.detail.value)} />
        {failure?.fields?.name ? <View className='field__error'>{failure.fields.name}</View> : null}
      </View>
      <View className='field'>
        <View className='field__label'>长辈身份证号</View>
        <Input id='bind-id-number' className='field__input' type='idcard' value={idNumber} maxlength={18} placeholder='18 位身份证号' onInput={(e) => setIdNumber(e.detail.value)} />
        {failure?.fields?.idNumber ? <View className='field__error'>{failure.fields.idNumber}</View> : null}
      </View>
      <View className='field'>
        <View className='field__label'>您是长辈的</View>
        <View role='radiogroup' className='choice-row'>
          {relations.map((r) => (
            <Choice key={r} id={`bind-relation-${r}`} selected={relation === r} onSelect={() => setRelation(r)} title={r} />
          ))}
        </View>
      </View>
      {failure && !failure.fields ? (
        <View className='field__error' role='alert' id='bind-failure'>
          {failure.message}
        </View>
      ) : null}
      <Button id='bind-submit' className='big-button field' type='primary' size='large' block loading={sending} disabled={sending} onClick={() => void submit()}>
        申请绑定
      </Button>
    </View>
  );
}
