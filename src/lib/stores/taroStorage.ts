import Taro from '@tarojs/taro';
import { createJSONStorage, type StateStorage } from 'zustand/middleware';

/**
 * zustand `persist` storage over Taro's synchronous storage (wx storage on weapp, localStorage on h5).
 * Synchronous on purpose: stores are hydrated before the first render, so 长辈版 never flashes small text.
 */
const taroStateStorage: StateStorage = {
  getItem: (name) => {
    const value: unknown = Taro.getStorageSync(name);
    return typeof value === 'string' && value !== '' ? value : null;
  },
  setItem: (name, value) => Taro.setStorageSync(name, value),
  removeItem: (name) => Taro.removeStorageSync(name),
};

export const taroJSONStorage = createJSONStorage(() => taroStateStorage);
