/**
 * babel-plugin-import entries for NutUI, shared by the Taro build (babel.config.js) and jest (jest.client.config.js).
 * `customName` maps `import { Button } from '@nutui/nutui-react-taro'` to the component's own module; the option
 * that adds its stylesheet MUST be named `style` (a wrong key silently drops every NutUI stylesheet). Icons are
 * imported one module each (no icon font). jest passes `withStyles: false`: jsdom needs no CSS.
 */
module.exports = function nutuiImports({ withStyles }) {
  return [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        style: withStyles ? (name) => `${name}/style/css` : false,
      },
      'nutui-react-taro',
    ],
    [
      'import',
      {
        libraryName: '@nutui/icons-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/icons-react-taro/dist/es/icons/${name}`,
      },
      'nutui-icons-react-taro',
    ],
  ];
};
