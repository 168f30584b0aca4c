/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The build target; 'h5' in jest (tests-client/setup.ts). */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** API origin for mini-program builds, set at build time (config/index.ts); unused on h5 (same origin). */
    TARO_APP_API_BASE?: string;
  }
}

/** Deep import: babel-plugin-import would turn the root `configure` into a (missing) default import. */
declare module '@nutui/icons-react-taro/dist/es/icons/configure.js' {
  export function configure(config: { tag?: string; classPrefix?: string; useSvg?: boolean }): void;
}
