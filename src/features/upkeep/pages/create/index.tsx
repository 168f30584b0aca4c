import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { toApiFailure } from '@/lib/api/failure';
import { goBack } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { BackLink } from '@/lib/ui/BackLink';
import { EmptyState } from '@/lib/ui/EmptyState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { StaffGate } from '@/lib/ui/StaffGate';
import { createPoint } from '../../api';
import { blankDraft, changesOf, draftProblems, fieldError } from '../../draft';
import { PointForm } from '../../components/PointForm';
import { CommunityPicker } from '../../components/CommunityPicker';
import { SubcategoryPicker } from '../../components/SubcategoryPicker';
import type { EditablePoint } from '../../types';
import '../../upkeep.scss';

/**
 * A new point: in a 社区 worker's own 社区 (the server takes it from their scope), or in the 社区 of their street
 * a 街道 worker picks (`streetCode`).
 */
function CreateForm({ streetCode }: { streetCode: string | null }) {
  const [draft, setDraft] = useState(blankDraft);
  const [subcategory, setSubcategory] = useState('');
  const [communityId, setCommunityId] = useState('');
  const [fields, setFields] = useState<Record<string, string>>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<EditablePoint>();

  const submit = async () => {
    const problems = {
      ...draftProblems(draft),
      ...(subcategory ? {} : { subcategory: '类别：请选择类别' }),
      ...(streetCode && !communityId ? { communityId: '归属社区：请选择社区' } : {}),
    };
    if (Object.keys(problems).length) {
      setFields(problems);
      return setMessage('有几项需要改一下，请看各项下面的说明');
    }
    setBusy(true);
    setMessage(undefined);
    setFields(undefined);
    try {
      setCreated(await createPoint({ ...changesOf(draft), subcategory, ...(streetCode ? { communityId } : {}) }));
    } catch (error) {
      const failure = toApiFailure(error); // what was typed stays
      setFields(failure.fields);
      setMessage(failure.fields ? '有几项需要改一下，请看各项下面的说明' : failure.message);
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <View className='card' id='create-done' role='status'>
        <View className='text-title'>已新增“{created.name}”</View>
        <View className='field'>居民现在可以在“服务”里找到它。</View>
        <Button id='create-another' className='big-button field' type='primary' size='large' block onClick={() => { setCreated(undefined); setDraft(blankDraft()); }}>
          继续新增
        </Button>
        <Button id='create-back' className='big-button field' size='large' block onClick={() => void goBack()}>
          返回
        </Button>
      </View>
    );
  }
  return (
    <>
      <View className='card'>
        {streetCode ? <CommunityPicker townCode={streetCode} value={communityId} onChange={setCommunityId} error={fieldError(fields, 'communityId')} /> : null}
        <SubcategoryPicker value={subcategory} onChange={setSubcategory} error={fieldError(fields, 'subcategory')} />
      </View>
      <PointForm draft={draft} onChange={setDraft} fields={fields} message={message} submitting={busy} submitText='新增服务点' onSubmit={() => void submit()} />
    </>
  );
}

function ForWorker() {
  const scope = useSession((s) => s.user?.scope);
  if (scope?.communityId) return <CreateForm streetCode={null} />;
  if (scope?.townCode) return <CreateForm streetCode={scope.townCode} />;
  return <EmptyState title='请由社区或街道工作人员新增' description='新增的服务点要归到一个社区，您的账号没有负责的社区。' />;
}

/** 新增服务点 (workers). */
export default function CreatePointPage() {
  return (
    <PageRoot className='upkeep'>
      <BackLink id='upkeep-back' />
      <View className='text-heading upkeep__heading'>新增服务点</View>
      <StaffGate roles={['worker']} who='社区工作人员'>
        <ForWorker />
      </StaffGate>
    </PageRoot>
  );
}
