import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { SearchSuggestions as Suggestions } from '@contract/directory';
import { formatDistance, type LatLng } from '@contract/rules/walking';
import { api } from '@/lib/api/client';
import { accessibleName, focusable } from '@/lib/ui/a11y';
import './searchSuggestions.scss';

interface SearchSuggestionsProps {
  q: string;
  origin: LatLng | null;
  /** A subcategory id: list its points instead. */
  onPick: (subcategoryId: string) => void;
}

/**
 * Below "没有找到": the categories closest to what was typed (or the circle's basic services), each with its
 * nearest point, one tap to list them. Loaded only when a search finds nothing (lazy: not in the 服务 tab's first
 * route). When the suggestions cannot be had, nothing shows: the empty state above already offers a way on.
 */
export default function SearchSuggestions({ q, origin, onPick }: SearchSuggestionsProps) {
  const [answer, setAnswer] = useState<Suggestions | null>(null);
  const lat = origin?.lat;
  const lng = origin?.lng;
  useEffect(() => {
    let current = true;
    setAnswer(null);
    api
      .get<Suggestions>('/api/search-suggestions', { params: { q, lat, lng }, loginOnUnauthorized: false })
      .then(({ data }) => current && setAnswer(data))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [q, lat, lng]);
  if (!answer || answer.items.length === 0) return null;
  return (
    <View className='search-suggestions' id='search-suggestions'>
      <View className='text-title search-suggestions__title' role='heading' aria-level={2}>
        {answer.closest ? '您是不是要找：' : '试试这些常用服务：'}
      </View>
      {answer.items.map((item) => {
        const nearest = item.nearest ? `最近的：${item.nearest.name}，${formatDistance(item.nearest.distanceMeters)}` : '';
        return (
          <View
            key={item.id}
            id={`suggestion-${item.id}`}
            className='search-suggestion'
            role='button'
            {...accessibleName(`${item.name}${nearest ? `，${nearest}` : ''}`)}
            {...focusable()}
            onClick={() => onPick(item.id)}
          >
            <View className='search-suggestion__name'>{item.name}</View>
            {nearest ? <View className='text-secondary search-suggestion__nearest'>{nearest}</View> : null}
          </View>
        );
      })}
    </View>
  );
}
