import { View } from '@tarojs/components';
import { useCallback } from 'react';
import type { EditablePointAnswer } from '@contract/upkeep';
import { api } from '@/lib/api/client';
import { openPath } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { focusable } from '@/lib/ui/a11y';
import { upkeepEditUrl, upkeepReportUrl } from '@/lib/upkeepPaths';
import { useRequest } from '@/lib/useRequest';

/** 编辑信息 only where the server lets this user edit (it answers 200); asked only of staff roles. */
function EditLink({ pointId }: { pointId: string }) {
  const load = useCallback(
    () => api.get<EditablePointAnswer>(`/api/services/${encodeURIComponent(pointId)}/editable`, { loginOnUnauthorized: false }),
    [pointId],
  );
  const { data } = useRequest(load);
  if (!data) return null;
  return (
    <View id='detail-edit' className='detail-link' role='link' {...focusable()} onClick={() => void openPath(upkeepEditUrl(pointId))}>
      编辑信息 ›
    </View>
  );
}

/** Keeping the point right (issue 20): everyone can say it is wrong; its staff and workers can edit it. Pages by path only. */
export function UpkeepEntry({ pointId, pointName }: { pointId: string; pointName: string }) {
  const role = useSession((s) => s.user?.role);
  return (
    <View className='card' id='detail-upkeep'>
      <View id='detail-report' className='detail-link' role='link' {...focusable()} onClick={() => void openPath(upkeepReportUrl(pointId, pointName))}>
        信息有误？去反馈 ›
      </View>
      {role === 'provider' || role === 'worker' ? <EditLink pointId={pointId} /> : null}
    </View>
  );
}
