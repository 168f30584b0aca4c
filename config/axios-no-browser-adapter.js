// Stands in for axios's XHR and fetch adapters in mini-program builds (config/index.ts, withoutBrowserAdapters):
// the same exports, nothing behind them. axios then only knows the adapter we give it.
export default null;
export const getFetch = undefined;
