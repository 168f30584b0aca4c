import { View } from '@tarojs/components';
import type { Quote } from '@contract/care';
import type { ApiFailure } from '@/lib/api/failure';
import { payableText } from '../format';

interface PriceLineProps {
  quote: Quote | null | undefined;
  loading: boolean;
  failure: ApiFailure | undefined;
  onRetry: () => void;
}

/** The price after subsidy with each subsidy named, or why the server would refuse this booking. */
export function PriceLine({ quote, loading, failure, onRetry }: PriceLineProps) {
  if (loading) {
    return (
      <View id='book-price' className='price-line' role='status'>
        正在计算价格…
      </View>
    );
  }
  if (failure) {
    return (
      <View id='book-price' className='price-line' role='alert'>
        <View className='state-panel__error'>价格没有算出来：{failure.message}</View>
        <View id='book-price-retry' className='text-link' role='button' onClick={onRetry}>
          重新计算
        </View>
      </View>
    );
  }
  if (!quote) return null;
  return (
    <View id='book-price' className='price-line' role='status'>
      <View className='price-line__row'>
        <View>价格</View>
        <View className='price-line__amount' id='book-price-amount'>
          {payableText(quote.price)}
        </View>
      </View>
      {quote.price.subsidies.map((s) => (
        <View key={s.id} className='text-secondary'>
          {s.label}
        </View>
      ))}
      {quote.refusal ? (
        <View id='book-refusal' className='price-line__refusal' role='alert'>
          {quote.refusal}
        </View>
      ) : null}
    </View>
  );
}
