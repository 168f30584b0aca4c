/**
 * Chinese names of request fields, so a validation message can say which field is wrong ("纬度：不能大于 90").
 * Keyed by the last segment of the field path; features add their own field names here.
 */
export const fieldLabels: Record<string, string> = {
  account: '演示账号',
  code: '登录凭证',
  version: '协议版本',
  deviceId: '设备标识',
  lat: '纬度',
  lng: '经度',
  radius: '范围',
  limit: '每页条数',
  offset: '起始位置',
  cursor: '翻页位置',
  q: '搜索词',
  category: '服务类别',
  communityId: '社区',
  townCode: '乡镇（街道）',
  id: '编号',
  name: '姓名',
  displayName: '称呼',
  phone: '手机号',
  idNumber: '身份证号',
  address: '地址',
  date: '日期',
  time: '时间',
  score: '评分',
  comment: '评价内容',
  content: '内容',
  reason: '原因',
  note: '备注',
  // service directory
  town: '乡镇（街道）',
  community: '社区',
  openNow: '只看营业中',
};

/** The label for a field path such as ['items', 0, 'name']: the last named segment, or the path itself when unknown. */
export function fieldLabel(path: ReadonlyArray<PropertyKey>): string {
  const named = [...path].reverse().find((segment): segment is string => typeof segment === 'string');
  if (named === undefined) return '请求内容';
  return fieldLabels[named] ?? named;
}
