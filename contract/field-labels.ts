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
  // volunteers
  realName: '真实姓名',
  idType: '证件类型',
  birthDate: '出生日期',
  sex: '性别',
  skills: '技能',
  skill: '技能',
  availability: '可服务时间',
  isPartyMember: '在职党员',
  nationalVolunteerNumber: '全国志愿者编号',
  guardianName: '监护人姓名',
  guardianPhone: '监护人手机号',
  guardianConsent: '监护人同意',
  teamId: '志愿服务队',
  title: '活动名称',
  description: '活动内容',
  notice: '注意事项',
  pointId: '活动地点',
  startsAt: '开始时间',
  endsAt: '结束时间',
  signupDeadline: '报名截止时间',
  capacity: '名额',
  minAge: '最低年龄',
  safeguards: '保障',
  targetGroup: '服务对象',
  waitlist: '候补',
  recruiting: '只看招募中',
  action: '操作',
  checkInCode: '签到码',
  signupId: '报名记录',
  from: '开始日期',
  to: '结束日期',
};

/** The label for a field path such as ['items', 0, 'name']: the last named segment, or the path itself when unknown. */
export function fieldLabel(path: ReadonlyArray<PropertyKey>): string {
  const named = [...path].reverse().find((segment): segment is string => typeof segment === 'string');
  if (named === undefined) return '请求内容';
  return fieldLabels[named] ?? named;
}
