// Stands in for @tarojs/router's tab bar (config/index.ts, withoutTaroTabBar). With `tabBar.custom` the router's
// initTabbar returns before drawing anything (the app draws AppTabBar), so this does the same without its code.
export function initTabbar() {}
