import { z } from 'zod';

type Issue = Parameters<NonNullable<z.core.$ZodConfig['customError']>>[0];

const typeNames: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  boolean: '是或否',
  array: '列表',
  object: '一组内容',
  date: '日期',
};

/**
 * Plain Chinese messages for the common validation problems (zod's own zh-CN locale says things like
 * "期望 string >=1 字符"). Anything not covered falls back to that locale. The field's name is
 * prefixed by the error handler (see fieldLabel), so these messages never name the field themselves.
 */
function plainMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return '必填';
      return `应为${typeNames[issue.expected] ?? '正确的格式'}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? '不能为空' : `至少 ${min} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${min} 项`;
      return issue.inclusive === false ? `应大于 ${min}` : `不能小于 ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `最多 ${max} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项`;
      return issue.inclusive === false ? `应小于 ${max}` : `不能大于 ${max}`;
    }
    case 'invalid_value':
      return '不是可选的值';
    case 'invalid_format':
      return '格式不正确';
    case 'unrecognized_keys':
      return `包含无法识别的内容：${issue.keys.join('、')}`;
    default:
      return undefined;
  }
}

let installed = false;

/** Chinese validation messages for every zod schema in this process (idempotent). */
export function installChineseValidationMessages(): void {
  if (installed) return;
  z.config(z.locales.zhCN());
  z.config({ customError: plainMessage });
  installed = true;
}
