/**
 * WeChat needs the custom tab bar declared as a component. `apply-shared`: the app's stylesheet (the tab bar's
 * and the icons' rules, bundled into common.wxss) reaches inside it. `comp` is Taro's recursion helper that
 * every Taro page gets for deep trees; Taro does not add it to this component by itself.
 */
export default {
  component: true,
  styleIsolation: 'apply-shared',
  usingComponents: { comp: '../comp' },
};
