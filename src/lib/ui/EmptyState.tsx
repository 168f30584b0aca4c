import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

interface EmptyStateProps {
  /** Why there is nothing, in the user's words ("附近 15 分钟内还没有长者食堂"). */
  title: string;
  description?: string;
  /** The next step the user can take. */
  actionText?: string;
  onAction?: () => void;
  actionId?: string;
}

export function EmptyState({ title, description, actionText, onAction, actionId }: EmptyStateProps) {
  return (
    <View className='state-panel' role='status'>
      <View className='text-title'>{title}</View>
      {description ? <View className='text-secondary state-panel__description'>{description}</View> : null}
      {actionText && onAction ? (
        <Button id={actionId} className='big-button' type='primary' size='large' onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  );
}
