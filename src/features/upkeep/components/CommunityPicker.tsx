import { View } from '@tarojs/components';
import { useCallback } from 'react';
import { fetchTowns } from '@/lib/api/endpoints';
import { accessibleName } from '@/lib/ui/a11y';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { useRequest } from '@/lib/useRequest';

interface CommunityPickerProps {
  /** The 街道 whose 社区 a 街道 worker may add points to. */
  townCode: string;
  value: string;
  onChange: (communityId: string) => void;
  error?: string;
}

/** 归属社区 for a 街道 worker's new point: one chip per 社区 of their street (a 社区 worker's own is implied). */
export function CommunityPicker({ townCode, value, onChange, error }: CommunityPickerProps) {
  const towns = useRequest(useCallback(() => fetchTowns(), []));
  const communities = towns.data?.find((town) => town.code === townCode)?.communities ?? [];
  return (
    <View className='field' id='edit-community'>
      <View className='field__label'>归属社区</View>
      {towns.loading && !towns.data ? <LoadingState rows={1} /> : null}
      {towns.failure ? <ErrorState message={towns.failure.message} onRetry={towns.reload} /> : null}
      {communities.length ? (
        <View className='chip-row' role='radiogroup' {...accessibleName('归属社区')}>
          {communities.map((c) => (
            <ToggleChip key={c.id} id={`community-${c.id}`} radio on={c.id === value} label={c.name} onTap={() => onChange(c.id)} />
          ))}
        </View>
      ) : null}
      {error ? <View className='field__error'>{error}</View> : null}
    </View>
  );
}
