// Stands in for the axios adapters a build cannot run (config/index.ts, withoutAxiosAdapters):
// the same exports, nothing behind them. axios then only knows the adapter we give it.
export default null;
export const getFetch = undefined;
