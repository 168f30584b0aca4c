/**
 * The 服务 tab's filters and scroll position, kept while the app lives: in memory on weapp (the mini-program
 * keeps its JS alive between pages), and in the browser tab's sessionStorage on h5, where 导航 to a map page or a
 * reload starts the app again — coming back finds the list as it was left. Never in long-term storage: a new
 * visit starts from the whole circle.
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { NO_FILTERS, type ServiceFilters } from './useServiceList';

interface DirectoryViewState {
  filters: ServiceFilters;
  /** Page scroll of the 服务 tab in px, restored when the tab is built again. */
  scrollTop: number;
  /** The user chose to see everything by name without picking a 社区. */
  browseAll: boolean;
  setFilters: (filters: ServiceFilters) => void;
  setScrollTop: (top: number) => void;
  setBrowseAll: (on: boolean) => void;
}

const initial = (set: (partial: Partial<DirectoryViewState>) => void): DirectoryViewState => ({
  filters: NO_FILTERS,
  scrollTop: 0,
  browseAll: false,
  setFilters: (filters) => set({ filters }),
  setScrollTop: (scrollTop) => set({ scrollTop }),
  setBrowseAll: (browseAll) => set({ browseAll }),
});

export const useDirectoryView: UseBoundStore<StoreApi<DirectoryViewState>> =
  process.env.TARO_ENV === 'h5'
    ? create<DirectoryViewState>()(
        persist(initial, {
          name: 'lj-directory-view',
          storage: createJSONStorage(() => sessionStorage),
          partialize: ({ filters, scrollTop, browseAll }) => ({ filters, scrollTop, browseAll }),
        }),
      )
    : create<DirectoryViewState>()(initial);
