import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { type ApiFailure, toApiFailure } from '@/lib/api/failure';
import { fetchEditable, savePoint, verifyPoint } from '../api';
import { changedFields, changesOf, draftFieldWords, draftOf, draftProblems, reapply, type DraftField } from '../draft';
import type { EditablePoint } from '../types';
import { PointForm } from './PointForm';

interface Conflict {
  current: EditablePoint;
  changed: DraftField[];
}

/**
 * 编辑服务点: the form over the version it started from. A save that meets a newer version (409) says which fields
 * the other edit changed and lets the user take the new version with their own changes put back on it.
 */
export function EditPoint({ point }: { point: EditablePoint }) {
  const [base, setBase] = useState(point);
  const [draft, setDraft] = useState(() => draftOf(point));
  const [fields, setFields] = useState<Record<string, string>>();
  const [message, setMessage] = useState<string>();
  const [conflict, setConflict] = useState<Conflict>();
  const [busy, setBusy] = useState(false);

  /** The other edit, read again: the server's 409 says the version moved; what moved is the difference to our base. */
  const meetConflict = async () => {
    try {
      const current = await fetchEditable(base.id);
      setConflict({ current, changed: changedFields(draftOf(base), draftOf(current)) });
      setMessage(undefined);
    } catch (error) {
      setMessage(toApiFailure(error).message);
    }
  };

  const fail = async (failure: ApiFailure) => {
    if (failure.status === 409) return meetConflict();
    setFields(failure.fields);
    setMessage(failure.fields ? '有几项需要改一下，请看各项下面的说明' : failure.message);
  };

  const save = async () => {
    const problems = draftProblems(draft);
    if (Object.keys(problems).length) {
      setFields(problems);
      return setMessage('有几项需要改一下，请看各项下面的说明');
    }
    setBusy(true);
    setFields(undefined);
    setMessage(undefined);
    try {
      const saved = await savePoint(base.id, base.version, changesOf(draft));
      setBase(saved);
      setDraft(draftOf(saved));
      void Taro.showToast({ title: '已保存', icon: 'none' });
    } catch (error) {
      await fail(toApiFailure(error)); // the draft stays as typed
    } finally {
      setBusy(false);
    }
  };

  const verify = async () => {
    const { confirm } = await Taro.showModal({ title: '标记为已核实', content: '确认这个服务点的信息都还对吗？核实日期会记为今天。', confirmText: '已核实', cancelText: '再看看' });
    if (!confirm) return;
    setBusy(true);
    try {
      const verified = await verifyPoint(base.id, base.version);
      setBase(verified);
      void Taro.showToast({ title: '已标记为已核实', icon: 'none' });
    } catch (error) {
      await fail(toApiFailure(error));
    } finally {
      setBusy(false);
    }
  };

  const takeCurrent = () => {
    if (!conflict) return;
    setDraft(reapply(draftOf(base), draft, draftOf(conflict.current)));
    setBase(conflict.current);
    setConflict(undefined);
    setMessage('已换成最新的信息，并保留了您改过的内容；请检查后再保存。');
  };

  return (
    <>
      <View className='card text-secondary' id='edit-verified'>
        信息核实日期：{base.verifiedAt}
        <Button id='edit-verify' className='big-button field' size='large' block disabled={busy} onClick={() => void verify()}>
          标记为已核实
        </Button>
      </View>
      {conflict ? (
        <View className='card conflict' id='edit-conflict' role='alert'>
          <View className='text-title'>这条信息刚被别人改过</View>
          <View className='field'>
            {conflict.changed.length ? `别人改了：${conflict.changed.map((f) => draftFieldWords[f]).join('、')}。` : '别人刚核实或保存过这条信息。'}
            您填写的内容还在。
          </View>
          <Button id='edit-reapply' className='big-button field' type='primary' size='large' block onClick={takeCurrent}>
            换成最新信息，保留我改的内容
          </Button>
        </View>
      ) : null}
      <PointForm draft={draft} onChange={setDraft} fields={fields} message={message} submitting={busy} submitText='保存' onSubmit={() => void save()} />
    </>
  );
}
