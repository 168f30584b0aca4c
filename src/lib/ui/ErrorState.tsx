import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

interface ErrorStateProps {
  /** Already in the user's words: an ApiFailure's message ("网络不给力，请稍后重试"). */
  message: string;
  onRetry?: () => void;
}

export function ErrorState({ message, onRetry }: ErrorStateProps) {
  return (
    <View className='state-panel' role='alert'>
      <View className='text-title state-panel__error'>{message}</View>
      {onRetry ? (
        <Button id='error-retry' className='big-button' type='primary' size='large' onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  );
}
