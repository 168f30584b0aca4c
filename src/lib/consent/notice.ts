/**
 * The privacy notice in plain words. Its version is CONSENT_VERSION in contract/rules/consent.ts: bump it
 * whenever the substance here changes — the server refuses the old one and users are asked again.
 */
export { CONSENT_VERSION } from '@contract/rules/consent';

export interface NoticeSection {
  title: string;
  lines: string[];
}

/** Short form, shown on first launch. */
export const NOTICE_SUMMARY: NoticeSection[] = [
  {
    title: '位置',
    lines: ['位置只用来算您到服务点的距离和步行时间，算完不保存，也不记录您去过哪里。不给位置也可以手动选社区。'],
  },
  {
    title: '手机号和身份信息',
    lines: ['只在您登录或预约时使用，只给本社区的工作人员看，显示时会隐去中间几位。'],
  },
  {
    title: '本机设置',
    lines: ['长辈版开关、您选的社区保存在本机，您可以在 我的 → 设置 里一键清除。'],
  },
];

/** Full notice (我的 → 设置 → 隐私说明). */
export const NOTICE_FULL: NoticeSection[] = [
  {
    title: '我们是谁',
    lines: ['临江社区服务由临江各社区和街道提供，帮您找到身边的服务点。'],
  },
  ...NOTICE_SUMMARY,
  {
    title: '我们不会做的事',
    lines: ['不卖您的信息，不做广告，不把您的信息给与服务无关的人。', '日志里不记录手机号、身份证号等个人信息。'],
  },
  {
    title: '不同意会怎样',
    lines: [
      '不同意也能浏览服务点和社区信息。',
      '但不能登录、预约，也不会用您的位置算距离。您随时可以在 我的 → 设置 里改变主意。',
    ],
  },
  {
    title: '您的权利',
    lines: ['您可以随时查看、更正或要求删除您的信息，请联系您所在社区的工作人员。'],
  },
];
