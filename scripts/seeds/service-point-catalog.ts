/**
 * What each kind of service point looks like in the demo data: names, hours, services and
 * prices, operators and accessibility (DOMAIN.md §1). Used by generate-service-points.ts;
 * every subcategory of config/domain/categories.json has an entry here.
 */
import type { OpeningHours, TimeInterval } from '../../contract/rules/opening-hours';
import type { OfferedServiceInput } from '../../contract/service-point-input';

export type SeedService = OfferedServiceInput;

/** How a generated point is named and run, given where it is. */
export interface PlaceWords {
  town: string; // 新市街道
  townShort: string; // 新市
  community: string; // 新市社区
  communityShort: string; // 新市
  /** A street of a 街道 (沿江路) or a village of a 镇/乡 (东岗村). */
  road: string;
  rural: boolean;
}

export interface Template {
  /** Name choices; the generator picks one with its PRNG. */
  names: (p: PlaceWords) => string[];
  /** Hours choices (e.g. 24-hour vs day shop); picked with the PRNG. */
  hours: OpeningHours[];
  services: SeedService[];
  operator: (p: PlaceWords, name: string) => string;
  accessibility: 'community' | 'public' | 'shop' | 'outdoor';
  description: string;
  /** A public facility (shown with its operator as an institution) rather than a business. */
  publicFacility: boolean;
}

const span = (open: string, close: string): TimeInterval[] => [{ open, close }];
const ALL_DAY = span('00:00', '24:00');

function everyDay(day: TimeInterval[], holiday: TimeInterval[] = day): OpeningHours {
  return { weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }, holiday };
}

function week(weekday: TimeInterval[], sat: TimeInterval[], sun: TimeInterval[], holiday: TimeInterval[]): OpeningHours {
  return { weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat, sun }, holiday };
}

/** Community service facilities: ≥ 8 hours every day, holidays included (the plan's rule). */
const COMMUNITY = everyDay(span('08:00', '17:00'));
const COMMUNITY_LONG = everyDay(span('08:30', '20:30'));
/** Government counters: weekdays with a lunch break, Saturday morning, closed Sundays and holidays. */
const OFFICE_LUNCH = [
  { open: '08:30', close: '11:30' },
  { open: '13:00', close: '16:30' },
];
const OFFICE = week(OFFICE_LUNCH, span('09:00', '12:00'), [], []);
const OFFICE_WEEKDAYS = week(OFFICE_LUNCH, [], [], []);
const OPEN_24 = everyDay(ALL_DAY);
const SHOP = everyDay(span('08:00', '21:00'), span('09:00', '18:00'));
/** Open past midnight: 07:00 to 02:00 the next morning. */
const LATE_SHOP = everyDay(span('07:00', '02:00'));

const free = (name: string, unit = '次'): SeedService => ({ name, priceCents: 0, unit, subsidised: false, subsidyCents: null });
const paid = (name: string, yuan: number, unit = '次'): SeedService => ({
  name,
  priceCents: Math.round(yuan * 100),
  unit,
  subsidised: false,
  subsidyCents: null,
});
/** A subsidised service: the user pays `yuan`, the government adds `subsidyYuan`. */
const subsidised = (name: string, yuan: number, subsidyYuan: number, unit = '次'): SeedService => ({
  name,
  priceCents: Math.round(yuan * 100),
  unit,
  subsidised: true,
  subsidyCents: Math.round(subsidyYuan * 100),
});

const committee = (p: PlaceWords) => (p.rural ? `${p.town}人民政府` : `${p.town}${p.community}居民委员会`);
const streetOffice = (p: PlaceWords) => `临江市${p.town}${p.rural ? '人民政府' : '办事处'}`;
const company = (word: string) => (p: PlaceWords) => `临江市${p.townShort}${word}有限公司`;

export const catalog: Record<string, Template> = {
  // 党群/政务服务
  'party-center': {
    names: (p) => [`${p.community}党群服务中心`],
    hours: [COMMUNITY],
    services: [free('党员活动'), free('政策咨询'), free('便民复印'), free('代缴水电费')],
    operator: committee,
    accessibility: 'community',
    description: '社区党群服务阵地，提供政策咨询、议事协商和便民服务。',
    publicFacility: true,
  },
  'service-hall': {
    names: (p) => [`${p.town}便民服务大厅`, `${p.town}一站式服务大厅`],
    hours: [OFFICE],
    services: [free('社保办理'), free('低保、救助申请'), free('居住证明'), free('老年优待证办理')],
    operator: streetOffice,
    accessibility: 'public',
    description: '一窗受理、集成服务，常办事项当场办结。',
    publicFacility: true,
  },
  'agency-service': {
    names: (p) => [`${p.community}政务代办点`],
    hours: [week(span('08:30', '17:00'), span('08:30', '17:00'), [], [])],
    services: [free('代办社保认证'), free('代办残疾证'), free('代办医保报销材料')],
    operator: committee,
    accessibility: 'community',
    description: '行动不便的居民可由社区工作人员代办常见事项。',
    publicFacility: true,
  },
  'medical-insurance': {
    names: (p) => [`${p.town}医保服务站`, `${p.community}医保服务点`],
    hours: [OFFICE_WEEKDAYS],
    services: [free('医保参保登记'), free('异地就医备案'), free('慢病待遇申请')],
    operator: () => '临江市医疗保障局',
    accessibility: 'public',
    description: '医保经办服务下沉到基层，常见业务就近办理。',
    publicFacility: true,
  },
  'self-service-terminal': {
    names: (p) => [`${p.community}政务自助终端`, `${p.road}政务自助服务点`],
    hours: [OPEN_24, everyDay(span('06:00', '22:00'))],
    services: [free('社保查询打印'), free('不动产信息查询'), free('公积金查询')],
    operator: () => '临江市政务服务和数字化建设管理局',
    accessibility: 'public',
    description: '自助查询、打印常用证明。',
    publicFacility: true,
  },
  // 养老
  'home-care-station': {
    names: (p) => [`${p.community}居家养老服务站`],
    hours: [COMMUNITY, everyDay(span('07:30', '17:30'))],
    services: [
      subsidised('助洁（上门保洁）', 20, 20, '小时'),
      subsidised('助医陪诊', 30, 30),
      paid('理发', 10),
      free('健康咨询'),
    ],
    operator: (p) => `临江市${p.townShort}颐康养老服务中心`,
    accessibility: 'community',
    description: '为居家老人提供助洁、助医、助行等上门服务。',
    publicFacility: true,
  },
  'elder-canteen': {
    names: (p) => [`${p.community}长者食堂`, `${p.community}老年助餐点`],
    hours: [everyDay(span('06:30', '18:30')), everyDay(span('07:00', '19:00'))],
    services: [
      subsidised('早餐', 3, 2, '餐'),
      subsidised('午餐（两荤两素）', 8, 4, '餐'),
      subsidised('晚餐', 6, 3, '餐'),
      paid('送餐上门', 2),
    ],
    operator: (p) => `临江市${p.townShort}颐康养老服务中心`,
    accessibility: 'community',
    description: '60 岁以上老人凭老年优待证享受助餐补贴，特困、失能老人可送餐上门。',
    publicFacility: true,
  },
  bathing: {
    names: (p) => [`${p.community}助浴点`, `${p.townShort}老年助浴中心`],
    hours: [everyDay(span('08:30', '17:00'))],
    services: [subsidised('站内助浴', 20, 20), subsidised('上门助浴', 50, 30), paid('足部护理', 15)],
    operator: (p) => `临江市${p.townShort}颐康养老服务中心`,
    accessibility: 'community',
    description: '配备防滑地面、洗浴椅和护理员，失能老人可预约上门助浴。',
    publicFacility: true,
  },
  'day-care': {
    names: (p) => [`${p.community}日间照料中心`],
    hours: [everyDay(span('07:30', '17:30'))],
    services: [subsidised('日间托老', 300, 300, '月'), subsidised('午餐', 8, 4, '餐'), free('康复训练')],
    operator: (p) => `临江市${p.townShort}颐康养老服务中心`,
    accessibility: 'community',
    description: '白天照料、午休、康复活动，傍晚家属接回。',
    publicFacility: true,
  },
  'elder-courtyard': {
    names: (p) => (p.rural ? [`${p.road}幸福院`, `${p.road}养老大院`] : [`${p.community}幸福院`]),
    hours: [everyDay(span('08:00', '17:00'))],
    services: [free('文体活动'), subsidised('午餐', 5, 3, '餐'), free('健康监测')],
    operator: committee,
    accessibility: 'community',
    description: '不离乡土的互助养老场所，老人白天在此吃饭、活动。',
    publicFacility: true,
  },
  // 托育/儿童
  'infant-care': {
    names: (p) => [`${p.townShort}普惠托育园`, `${p.community}宝贝托育中心`],
    hours: [week(span('07:30', '17:30'), [], [], [])],
    services: [subsidised('全日托（0–3 岁）', 1200, 400, '月'), paid('临时托', 60, '天')],
    operator: company('育苗托育服务'),
    accessibility: 'public',
    description: '普惠性托育机构，收费执行政府指导价。',
    publicFacility: false,
  },
  'children-home': {
    names: (p) => [`${p.community}儿童之家`],
    hours: [everyDay(span('09:00', '17:30'))],
    services: [free('课后阅读'), free('亲子活动'), free('儿童心理辅导')],
    operator: committee,
    accessibility: 'community',
    description: '儿童活动和关爱服务场所，留守儿童优先。',
    publicFacility: true,
  },
  'after-school': {
    names: (p) => [`${p.community}四点半课堂`, `${p.townShort}课后托管中心`],
    hours: [week(span('15:30', '19:30'), span('08:00', '17:00'), [], [])],
    services: [subsidised('课后托管', 200, 100, '月'), free('作业辅导')],
    operator: committee,
    accessibility: 'community',
    description: '放学后的看护和作业辅导，由社区和志愿者共同开办。',
    publicFacility: true,
  },
  'parent-school': {
    names: (p) => [`${p.community}家长学校`],
    hours: [
      week([], span('09:00', '11:30'), [], []),
      { weekly: { mon: [], tue: [], wed: span('18:30', '20:30'), thu: [], fri: [], sat: span('09:00', '11:30'), sun: [] }, holiday: [] },
    ],
    services: [free('家庭教育讲座'), free('育儿咨询')],
    operator: committee,
    accessibility: 'community',
    description: '每周的家庭教育课程，报名后参加。',
    publicFacility: true,
  },
  // 医疗卫生
  'community-health-center': {
    names: (p) => [`${p.town}社区卫生服务中心`],
    hours: [everyDay(span('08:00', '17:00'), span('08:00', '12:00'))],
    services: [free('家庭医生签约'), free('老年人健康体检'), paid('普通门诊挂号', 1), free('预防接种')],
    operator: () => '临江市卫生健康局',
    accessibility: 'public',
    description: '基本医疗和公共卫生服务，65 岁以上老人每年免费体检一次。',
    publicFacility: true,
  },
  'township-health-center': {
    names: (p) => [`${p.town}中心卫生院`, `${p.town}卫生院`],
    hours: [OPEN_24],
    services: [paid('普通门诊挂号', 1), free('老年人健康体检'), free('家庭医生签约'), free('急诊（24 小时）')],
    operator: () => '临江市卫生健康局',
    accessibility: 'public',
    description: '乡镇的基层医疗机构，24 小时急诊。',
    publicFacility: true,
  },
  'village-clinic': {
    names: (p) => [p.rural ? `${p.road}卫生室` : `${p.community}卫生室`],
    hours: [everyDay(span('08:00', '17:00'), span('08:00', '12:00'))],
    services: [free('常见病诊疗'), free('慢病随访'), paid('输液', 5)],
    operator: (p) => `${p.town}卫生院`,
    accessibility: 'shop',
    description: '村里的诊疗点，乡村医生坐诊。',
    publicFacility: true,
  },
  pharmacy: {
    names: (p) => [`益康大药房（${p.communityShort}店）`, `${p.road}平价药店`, `国大药房（${p.townShort}店）`, `${p.townShort}仁和堂药店`],
    hours: [OPEN_24, everyDay(span('08:00', '21:00'), span('08:00', '20:00'))],
    services: [free('医保刷卡'), free('免费测血压'), free('用药咨询')],
    operator: company('医药连锁'),
    accessibility: 'shop',
    description: '医保定点药店。',
    publicFacility: false,
  },
  // 就业
  'employment-station': {
    names: (p) => [`${p.town}就业服务站`, `${p.community}就业服务窗口`],
    hours: [OFFICE_WEEKDAYS],
    services: [free('岗位推荐'), free('失业登记'), free('技能培训报名'), free('创业担保贷款咨询')],
    operator: () => '临江市人力资源和社会保障局',
    accessibility: 'public',
    description: '公共就业服务延伸到社区。',
    publicFacility: true,
  },
  // 教育/科普
  'community-school': {
    names: (p) => [`${p.community}社区学校`],
    hours: [COMMUNITY],
    services: [free('智能手机培训'), free('书法课'), free('防诈骗讲座')],
    operator: committee,
    accessibility: 'community',
    description: '面向居民的公益课程，长者智能手机课每周开班。',
    publicFacility: true,
  },
  'senior-university': {
    names: () => ['临江市老年大学', '临江市老年大学分校'],
    hours: [week(OFFICE_LUNCH, [], [], [])],
    services: [paid('声乐班', 100, '学期'), paid('书画班', 100, '学期'), free('智能手机班')],
    operator: () => '临江市老干部局',
    accessibility: 'public',
    description: '老年人学习、活动的学校，学期制报名。',
    publicFacility: true,
  },
  'science-station': {
    names: (p) => [`${p.community}科普 e 站`],
    hours: [COMMUNITY],
    services: [free('科普展览'), free('健康知识讲座')],
    operator: () => '临江市科学技术协会',
    accessibility: 'community',
    description: '科普大屏和展板，定期有讲座。',
    publicFacility: true,
  },
  // 文化
  'culture-center': {
    names: (p) => [`${p.town}综合文化服务中心`, `${p.community}文化活动室`],
    hours: [COMMUNITY_LONG],
    services: [free('文艺排练场地'), free('棋牌室'), free('广场舞培训')],
    operator: streetOffice,
    accessibility: 'community',
    description: '居民文体活动场所，场地可预约。',
    publicFacility: true,
  },
  'reading-space': {
    names: (p) => (p.rural ? [`${p.road}农家书屋`] : [`${p.community}阅读空间`, `${p.road}城市书房`]),
    hours: [everyDay(span('09:00', '20:00'))],
    services: [free('图书借阅'), free('大字本图书'), free('儿童绘本')],
    operator: () => '临江市图书馆',
    accessibility: 'community',
    description: '免费借阅，备有老花镜和大字本。',
    publicFacility: true,
  },
  // 体育
  'fitness-square': {
    names: (p) => [`${p.community}健身广场`, `${p.road}健身广场`, '鸭绿江畔健身步道'],
    hours: [everyDay(span('05:00', '21:00'))],
    services: [free('健身器材'), free('广场舞场地')],
    operator: streetOffice,
    accessibility: 'outdoor',
    description: '户外健身器材和活动场地。',
    publicFacility: true,
  },
  'ball-court': {
    names: (p) => [`${p.townShort}篮球场`, `${p.community}笼式足球场`],
    hours: [everyDay(span('06:00', '21:00'))],
    services: [free('篮球场'), paid('灯光场地', 20, '小时')],
    operator: streetOffice,
    accessibility: 'outdoor',
    description: '公共球场，夜间灯光场地收费。',
    publicFacility: true,
  },
  'open-school-grounds': {
    names: (p) => [`${p.townShort}第一小学（开放操场）`, `${p.townShort}中学体育场（开放时段）`],
    hours: [week(span('17:30', '20:30'), span('07:00', '20:00'), span('07:00', '20:00'), span('07:00', '20:00'))],
    services: [free('跑道'), free('篮球场')],
    operator: () => '临江市教育局',
    accessibility: 'outdoor',
    description: '上课时间不开放，凭身份证登记入校。',
    publicFacility: true,
  },
  // 法律
  'legal-advisor': {
    names: (p) => [`${p.community}法律顾问工作室`],
    hours: [week(span('09:00', '16:00'), [], [], [])],
    services: [free('法律咨询'), free('合同审查')],
    operator: () => '临江市司法局',
    accessibility: 'community',
    description: '一村（社区）一法律顾问，每周坐班。',
    publicFacility: true,
  },
  mediation: {
    names: (p) => [`${p.community}人民调解委员会`, `${p.town}人民调解室`],
    hours: [COMMUNITY],
    services: [free('邻里纠纷调解'), free('家庭矛盾调解')],
    operator: committee,
    accessibility: 'community',
    description: '免费调解邻里、家庭纠纷。',
    publicFacility: true,
  },
  'legal-aid': {
    names: (p) => [`${p.town}法律援助工作站`],
    hours: [OFFICE_WEEKDAYS],
    services: [free('法律援助申请'), free('农民工讨薪援助')],
    operator: () => '临江市法律援助中心',
    accessibility: 'public',
    description: '经济困难群众可申请免费法律援助。',
    publicFacility: true,
  },
  // 警务
  'police-office': {
    names: (p) => [`${p.community}警务室`],
    hours: [OPEN_24],
    services: [free('报警求助'), free('户籍咨询'), free('防诈骗宣传')],
    operator: () => '临江市公安局',
    accessibility: 'public',
    description: '社区民警驻点，紧急情况请拨打 110。',
    publicFacility: true,
  },
  // 应急
  'emergency-shelter': {
    names: (p) => [`${p.townShort}应急避难场所`, `${p.community}应急避难点`],
    hours: [OPEN_24],
    services: [free('应急避难')],
    operator: () => '临江市应急管理局',
    accessibility: 'outdoor',
    description: '地震、洪水等灾害时的避难场地。',
    publicFacility: true,
  },
  'micro-fire-station': {
    names: (p) => [`${p.community}微型消防站`],
    hours: [OPEN_24],
    services: [free('初起火灾扑救'), free('消防器材借用')],
    operator: () => '临江市消防救援大队',
    accessibility: 'outdoor',
    description: '社区就近处置初起火灾，火警请拨打 119。',
    publicFacility: true,
  },
  // 助残
  'disability-service': {
    names: (p) => [`${p.town}残疾人之家`, `${p.community}助残服务站`],
    hours: [COMMUNITY],
    services: [free('康复训练'), free('辅助器具适配'), subsidised('日间托养', 200, 300, '月')],
    operator: () => '临江市残疾人联合会',
    accessibility: 'community',
    description: '康复、托养和辅助器具服务。',
    publicFacility: true,
  },
  // 社会工作
  'social-work-station': {
    names: (p) => [`${p.town}社会工作服务站`, `${p.community}社工服务点`],
    hours: [everyDay(span('08:30', '17:00'))],
    services: [free('困难群众探访'), free('心理疏导'), free('志愿服务对接')],
    operator: () => '临江市民政局',
    accessibility: 'community',
    description: '专业社工为困难群众和老人提供服务。',
    publicFacility: true,
  },
  // 便民商业
  'convenience-store': {
    names: (p) => [`好邻居便利店（${p.communityShort}店）`, `江畔便利店（${p.road}店）`, `惠民超市便利店（${p.townShort}店）`, `家家乐便利店（${p.communityShort}店）`],
    hours: [OPEN_24, everyDay(span('07:00', '23:00')), LATE_SHOP],
    services: [free('代收快递'), free('代缴话费'), paid('热水', 0.5, '壶')],
    operator: company('商贸'),
    accessibility: 'shop',
    description: '日用品、零食、热饮。',
    publicFacility: false,
  },
  supermarket: {
    names: (p) => [`欧亚超市（${p.townShort}店）`, `${p.townShort}百货超市`, `大润生活超市（${p.road}店）`],
    hours: [everyDay(span('08:00', '21:30'))],
    services: [free('送货上门（满 50 元）'), free('老年人专用结账通道')],
    operator: company('商业'),
    accessibility: 'shop',
    description: '生鲜、粮油、日用品。',
    publicFacility: false,
  },
  'wet-market': {
    names: (p) => [`${p.townShort}农贸市场`, `${p.road}早市`],
    hours: [everyDay(span('05:00', '18:00'), span('05:00', '12:00'))],
    services: [free('公平秤'), free('蔬菜水果零售')],
    operator: company('市场管理'),
    accessibility: 'outdoor',
    description: '蔬菜、肉蛋、山货。',
    publicFacility: false,
  },
  breakfast: {
    names: (p) => [`老刘家早餐（${p.road}店）`, `${p.townShort}豆浆油条铺`, `江城包子铺（${p.communityShort}店）`],
    hours: [everyDay(span('05:30', '10:30'), span('06:00', '10:00')), week(span('05:30', '10:30'), span('05:30', '10:30'), [], [])],
    services: [paid('豆浆油条', 5, '份'), paid('包子', 1.5, '个'), paid('小米粥', 2, '碗')],
    operator: company('餐饮'),
    accessibility: 'shop',
    description: '现做早餐，可打包。',
    publicFacility: false,
  },
  laundry: {
    names: (p) => [`洁丽洗衣（${p.communityShort}店）`, `${p.road}干洗店`],
    hours: [week(span('08:30', '19:00'), span('08:30', '19:00'), [], []), everyDay(span('08:30', '19:00'))],
    services: [paid('干洗外套', 25, '件'), paid('水洗被罩', 15, '件'), paid('改衣', 10, '件')],
    operator: company('洗染服务'),
    accessibility: 'shop',
    description: '干洗、水洗、织补。',
    publicFacility: false,
  },
  'hair-salon': {
    names: (p) => [`美发屋（${p.road}）`, `${p.communityShort}理发店`, `丽人美容美发`],
    hours: [everyDay(span('09:00', '20:00'))],
    services: [paid('理发', 15), paid('老年人理发', 8), paid('上门理发', 20)],
    operator: company('美容美发'),
    accessibility: 'shop',
    description: '60 岁以上老人理发优惠。',
    publicFacility: false,
  },
  'photo-print': {
    names: (p) => [`${p.road}快印照相馆`, `${p.townShort}图文快印`],
    hours: [everyDay(span('08:00', '19:00'))],
    services: [paid('证件照', 20, '套'), paid('复印', 0.5, '页'), paid('打印', 1, '页')],
    operator: company('图文'),
    accessibility: 'shop',
    description: '证件照、复印、打印。',
    publicFacility: false,
  },
  housekeeping: {
    names: (p) => [`${p.townShort}好帮手家政`, `${p.communityShort}家政服务部`],
    hours: [week(span('08:00', '18:00'), span('08:00', '18:00'), [], [])],
    services: [paid('日常保洁', 40, '小时'), paid('月嫂', 6000, '月'), paid('擦玻璃', 5, '平方米')],
    operator: company('家政服务'),
    accessibility: 'shop',
    description: '保洁、保姆、月嫂。',
    publicFacility: false,
  },
  repair: {
    names: (p) => [`${p.road}家电维修`, `${p.townShort}便民修理铺`, `${p.communityShort}修鞋配钥匙`],
    hours: [week(span('08:30', '18:00'), span('08:30', '18:00'), [], [])],
    services: [paid('上门检修', 30), paid('修鞋', 10, '双'), paid('配钥匙', 5, '把')],
    operator: company('维修服务'),
    accessibility: 'shop',
    description: '家电、水电、修鞋配钥匙。',
    publicFacility: false,
  },
  parcel: {
    names: (p) => [`${p.community}智能快件箱`, `${p.communityShort}驿站`, `${p.road}快递服务站`],
    hours: [OPEN_24, everyDay(span('08:00', '20:00'))],
    services: [free('取件'), paid('寄件', 8, '件')],
    operator: company('快递服务'),
    accessibility: 'shop',
    description: '取件、寄件。',
    publicFacility: false,
  },
  recycling: {
    names: (p) => [`${p.townShort}再生资源回收站`, `${p.community}回收点`],
    hours: [week(span('08:00', '17:00'), span('08:00', '17:00'), [], [])],
    services: [free('旧衣回收'), free('废纸、塑料回收（按斤计价）')],
    operator: () => '临江市供销合作社联合社',
    accessibility: 'outdoor',
    description: '可回收物按价收购。',
    publicFacility: false,
  },
  property: {
    names: (p) => [`${p.community}物业服务中心`, `${p.road}小区物业`],
    hours: [everyDay(span('08:00', '17:30'))],
    services: [free('报修受理'), paid('物业费', 0.5, '平方米·月')],
    operator: company('物业管理'),
    accessibility: 'shop',
    description: '报修、缴费，夜间报修请打值班电话。',
    publicFacility: false,
  },
  // 公共事业
  post: {
    names: (p) => [`中国邮政${p.townShort}邮政所`, `${p.townShort}邮政便民服务站`],
    hours: [everyDay(span('08:30', '17:00'), span('09:00', '15:00'))],
    services: [paid('平信', 1.2, '封'), paid('包裹寄递', 12, '件'), free('养老金代发查询')],
    operator: () => '中国邮政集团有限公司临江市分公司',
    accessibility: 'public',
    description: '邮寄、汇款、报刊订阅。',
    publicFacility: false,
  },
  bank: {
    names: (p) => [`中国农业银行${p.townShort}支行`, `吉林银行${p.townShort}支行`, `中国邮政储蓄银行${p.townShort}营业所`],
    hours: [week(span('08:30', '17:00'), span('09:00', '16:00'), span('09:00', '16:00'), span('09:00', '16:00')), week(span('08:30', '17:00'), [], [], [])],
    services: [free('存取款'), free('养老金领取'), free('老年人爱心窗口')],
    operator: (_p, name) => name.replace(/（.*）|支行|营业所/g, ''),
    accessibility: 'public',
    description: '设有爱心窗口和老花镜、轮椅。',
    publicFacility: false,
  },
  telecom: {
    names: (p) => [`中国移动${p.townShort}营业厅`, `中国联通${p.townShort}营业厅`, `中国电信${p.townShort}营业厅`],
    hours: [everyDay(span('08:30', '18:00')), SHOP],
    services: [free('话费缴纳'), free('老年人手机设置'), paid('宽带安装', 100)],
    operator: (_p, name) => name.replace(/.{2,3}营业厅$/, ''),
    accessibility: 'public',
    description: '缴费、办卡、宽带。',
    publicFacility: false,
  },
  gas: {
    names: (p) => [`临江燃气${p.townShort}营业厅`],
    hours: [OFFICE],
    services: [free('燃气缴费'), free('安全检查预约'), paid('上门维修', 30)],
    operator: () => '临江市燃气有限公司',
    accessibility: 'public',
    description: '缴费、开户、报修。',
    publicFacility: false,
  },
  power: {
    names: (p) => [`国网临江供电${p.townShort}营业厅`],
    hours: [OFFICE],
    services: [free('电费缴纳'), free('报装'), free('故障报修')],
    operator: () => '国网吉林省电力有限公司临江市供电公司',
    accessibility: 'public',
    description: '电费、报装、报修；停电报修请拨打 95598。',
    publicFacility: false,
  },
  'supply-coop': {
    names: (p) => [`${p.townShort}供销社`, `${p.townShort}供销便民店`],
    hours: [everyDay(span('07:30', '18:00'))],
    services: [free('农资销售'), free('农产品收购'), free('日用品')],
    operator: () => '临江市供销合作社联合社',
    accessibility: 'shop',
    description: '农资、日用品，代收农产品。',
    publicFacility: false,
  },
};

/** Accessibility facilities by kind of place; the generator keeps a PRNG-chosen subset. */
export const accessibilityChoices: Record<Template['accessibility'], string[]> = {
  community: ['无障碍坡道', '适老扶手', '无障碍卫生间', '助听设备', '轮椅借用', '大字版资料', '低位服务台'],
  public: ['无障碍坡道', '无障碍卫生间', '低位服务台', '爱心座椅', '助听设备', '盲道'],
  shop: ['无障碍坡道', '适老扶手', '爱心座椅'],
  outdoor: ['无障碍通道', '休息座椅', '盲道'],
};
