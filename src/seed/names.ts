import { weightedPicker } from './prng.js';
import type { Prng, Weighted } from './prng.js';

/**
 * Surnames with their approximate share (%) of the population, after the
 * Ministry of Public Security's household-registration name statistics; the
 * compound surnames at the end are rare, as in life.
 */
const SURNAMES: readonly Weighted<string>[] = [
  ['王', 7.12], ['李', 6.96], ['张', 6.66], ['刘', 5.38], ['陈', 4.53], ['杨', 3.08], ['黄', 2.23], ['赵', 2.19],
  ['吴', 2.04], ['周', 1.92], ['徐', 1.43], ['孙', 1.39], ['马', 1.29], ['朱', 1.25], ['胡', 1.17], ['郭', 1.12],
  ['何', 1.06], ['林', 1.03], ['高', 1.03], ['罗', 0.95], ['郑', 0.88], ['梁', 0.86], ['谢', 0.76], ['宋', 0.65],
  ['唐', 0.64], ['许', 0.62], ['韩', 0.58], ['邓', 0.56], ['冯', 0.56], ['曹', 0.53], ['彭', 0.52], ['曾', 0.51],
  ['肖', 0.50], ['田', 0.48], ['董', 0.47], ['潘', 0.45], ['袁', 0.45], ['蔡', 0.44], ['蒋', 0.43], ['余', 0.42],
  ['于', 0.42], ['杜', 0.40], ['叶', 0.40], ['程', 0.39], ['魏', 0.38], ['苏', 0.38], ['吕', 0.37], ['丁', 0.36],
  ['任', 0.35], ['卢', 0.34], ['姚', 0.34], ['沈', 0.33], ['钟', 0.32], ['姜', 0.32], ['崔', 0.31], ['谭', 0.30],
  ['陆', 0.30], ['范', 0.29], ['汪', 0.29], ['廖', 0.28], ['石', 0.28], ['金', 0.27], ['韦', 0.27], ['贾', 0.27],
  ['夏', 0.26], ['付', 0.26], ['方', 0.25], ['邹', 0.24], ['熊', 0.24], ['白', 0.24], ['孟', 0.24], ['秦', 0.23],
  ['邱', 0.23], ['侯', 0.22], ['江', 0.22], ['尹', 0.22], ['薛', 0.21], ['闫', 0.21], ['段', 0.21], ['雷', 0.21],
  ['龙', 0.20], ['黎', 0.20], ['史', 0.20], ['陶', 0.19], ['贺', 0.19], ['毛', 0.18], ['郝', 0.18], ['顾', 0.18],
  ['龚', 0.18], ['邵', 0.17], ['万', 0.17], ['覃', 0.17], ['武', 0.17], ['钱', 0.16], ['戴', 0.16], ['严', 0.16],
  ['莫', 0.15], ['孔', 0.15], ['向', 0.15], ['常', 0.15], ['汤', 0.14], ['康', 0.14], ['易', 0.14], ['乔', 0.13],
  ['欧阳', 0.05], ['上官', 0.01], ['司马', 0.01], ['诸葛', 0.01], ['皇甫', 0.005], ['东方', 0.005], ['慕容', 0.003],
];

/** Given-name characters by gender and by era (names follow fashions). */
const GIVEN = {
  MALE: {
    classic: '建国军华明平伟强志忠文德福贵海林刚勇成民荣山春生庆永祥宝兴光耀东红卫新利金立中', // born before ~1980
    modern: '浩宇轩子睿泽昊博然俊杰鹏凯晨锦航宸逸铭峻皓瑞天磊宁涛鑫帅奕一阳嘉翔', // born since ~1990
  },
  FEMALE: {
    classic: '秀英桂兰凤芳玉珍红梅霞华云莲娟丽琴淑敏燕素萍花春荣艳玲翠秋芬',
    modern: '欣怡涵梓诗雨萱婷琪悦思佳梦瑶晴可妍馨璐彤嘉若静雪颖倩雯琳蕾',
  },
} as const;

/** Uyghur and Kazakh names are written in transliteration: given name · father's given name. */
const TURKIC = {
  MALE: ['买买提', '艾力', '阿不都热合曼', '吐尔逊', '艾克拜尔', '亚森', '伊力哈木', '阿迪力', '努尔兰', '热合曼', '艾尔肯', '玉山'],
  FEMALE: ['阿依古丽', '古丽娜尔', '热依拉', '迪丽努尔', '帕提古丽', '米热古丽', '阿依努尔', '再努尔', '努尔古丽', '祖丽菲亚'],
} as const;
/** Tibetan names: two two-syllable parts, the second often marking gender. */
const TIBETAN = {
  first: ['扎西', '次仁', '格桑', '尼玛', '达瓦', '白玛', '洛桑', '丹增', '索朗', '旦增'],
  MALE: ['多吉', '顿珠', '平措', '旺堆', '罗布', '次仁', '朗杰'],
  FEMALE: ['卓玛', '央金', '拉姆', '德吉', '曲珍', '措姆', '玉珍'],
} as const;
/** Mongolian names, often used without a surname. */
const MONGOLIAN = {
  MALE: ['巴特尔', '苏和', '额尔敦', '宝音', '那日苏', '朝鲁', '巴图', '特木尔', '孟和', '阿拉坦'],
  FEMALE: ['其其格', '乌兰', '斯琴', '娜仁', '萨仁', '高娃', '托娅', '图雅', '乌日娜', '塔娜'],
} as const;

const pickSurname = weightedPicker(SURNAMES);

function pickChar(random: Prng, chars: string): string {
  return chars.charAt(random.int(0, chars.length - 1));
}

/**
 * A realistic personal name for someone of `gender`, born in `birthYear`, of
 * `ethnicity`: Han-style surname + one or two characters for most people, with
 * transliterated Uyghur/Kazakh, Tibetan and Mongolian names for those groups.
 *
 * @example
 * personName(random, 'FEMALE', 1994, '汉族'); // '陈思雨'
 */
export function personName(random: Prng, gender: 'MALE' | 'FEMALE', birthYear: number, ethnicity: string): string {
  if (ethnicity === '维吾尔族' || ethnicity === '哈萨克族') {
    return `${random.pick(TURKIC[gender])}·${random.pick(TURKIC.MALE)}`;
  }
  if (ethnicity === '藏族') return `${random.pick(TIBETAN.first)}${random.pick(TIBETAN[gender])}`;
  if (ethnicity === '蒙古族' && random.chance(0.6)) return random.pick(MONGOLIAN[gender]);

  const surname = pickSurname(random);
  const pools = GIVEN[gender];
  // Older generations drew from a different stock of characters and more often had one-character given names.
  const classicShare = birthYear < 1970 ? 0.85 : birthYear < 1990 ? 0.5 : 0.12;
  const singleShare = birthYear < 1960 ? 0.3 : birthYear < 1990 ? 0.22 : 0.1;
  const pool = (): string => (random.chance(classicShare) ? pools.classic : pools.modern);
  if (random.chance(singleShare)) return surname + pickChar(random, pool());
  const first = pickChar(random, pool());
  // Reduplicated names (婷婷, 丹丹) are a familiar pattern for girls.
  if (gender === 'FEMALE' && random.chance(0.04)) return surname + first + first;
  let second = pickChar(random, pool());
  if (second === first) second = pickChar(random, pools.modern);
  return surname + first + second;
}

/** Ethnic groups and their rough share (%) among residents of the seed's urban districts. */
const ETHNICITY_DEFAULT: readonly Weighted<string>[] = [
  ['汉族', 97.4], ['回族', 0.6], ['满族', 0.5], ['土家族', 0.3], ['苗族', 0.3], ['蒙古族', 0.2], ['壮族', 0.2],
  ['朝鲜族', 0.1], ['彝族', 0.1], ['侗族', 0.1], ['白族', 0.05], ['瑶族', 0.05],
];
/** Province-level divisions whose mix differs markedly from {@link ETHNICITY_DEFAULT} (capital-city districts). */
const ETHNICITY_BY_PROVINCE: Readonly<Record<string, readonly Weighted<string>[]>> = {
  '11': [['汉族', 95.5], ['满族', 1.9], ['回族', 1.6], ['蒙古族', 0.4], ['朝鲜族', 0.2], ['土家族', 0.2], ['壮族', 0.2]],
  '15': [['汉族', 86], ['蒙古族', 11], ['回族', 1.5], ['满族', 1.5]],
  '21': [['汉族', 93], ['满族', 5], ['蒙古族', 1], ['回族', 0.5], ['朝鲜族', 0.5]],
  '23': [['汉族', 95], ['满族', 2.5], ['朝鲜族', 1], ['蒙古族', 0.5], ['回族', 0.5], ['达斡尔族', 0.2]],
  '43': [['汉族', 97], ['土家族', 1.2], ['苗族', 1], ['侗族', 0.3], ['瑶族', 0.3], ['回族', 0.2]],
  '45': [['汉族', 55], ['壮族', 41], ['瑶族', 1.5], ['苗族', 0.8], ['侗族', 0.7], ['仫佬族', 0.3], ['回族', 0.2]],
  '50': [['汉族', 97], ['土家族', 2.2], ['苗族', 0.6], ['回族', 0.2]],
  '51': [['汉族', 98.5], ['彝族', 0.5], ['藏族', 0.5], ['回族', 0.3], ['羌族', 0.2]],
  '53': [['汉族', 86], ['彝族', 6], ['回族', 3], ['白族', 1.5], ['苗族', 1.2], ['哈尼族', 0.6], ['傣族', 0.5], ['壮族', 0.5], ['纳西族', 0.3]],
  '54': [['藏族', 72], ['汉族', 26], ['回族', 2]],
  '64': [['汉族', 72], ['回族', 27], ['满族', 0.5], ['蒙古族', 0.3]],
  '65': [['汉族', 72], ['维吾尔族', 13], ['回族', 9], ['哈萨克族', 3], ['满族', 0.5], ['蒙古族', 0.5], ['锡伯族', 0.3]],
};
const pickDefaultEthnicity = weightedPicker(ETHNICITY_DEFAULT);
const ethnicityPickers = new Map(Object.entries(ETHNICITY_BY_PROVINCE).map(([province, table]) => [province, weightedPicker(table)]));

/**
 * An ethnic group for a resident of the division `divisionCode`, weighted by
 * the rough make-up of that province's capital.
 */
export function ethnicityFor(random: Prng, divisionCode: string): string {
  return (ethnicityPickers.get(divisionCode.slice(0, 2)) ?? pickDefaultEthnicity)(random);
}

/** The kinds of organisation the seed generates, by credit-code authority and type. */
export type OrganisationKind =
  | 'ENTERPRISE' // 9 1 企业
  | 'SOCIAL_GROUP' // 5 1 社会团体
  | 'PRIVATE_NON_ENTERPRISE' // 5 2 民办非企业单位
  | 'FOUNDATION' // 5 3 基金会
  | 'PUBLIC_INSTITUTION'; // 1 2 事业单位

/** Characters trade names (字号) are made of. */
const TRADE_NAME_CHARS = '华鑫恒泰盛达兴隆丰源宏信诚博远瑞祥金安康中天东海新正利通宇辉鼎晟昌凯嘉德汇科联创智润和航星锦亿百合力成启明聚峰永同益';

/** Industries: the words that follow the trade name, and a business scope in the style of a licence. */
const INDUSTRIES: readonly (readonly [names: readonly string[], scope: string])[] = [
  [['网络科技', '信息技术', '软件技术'], '一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务；数据处理和存储支持服务。'],
  [['电子科技', '智能科技'], '一般项目：电子元器件制造；电子产品销售；集成电路设计；计算机软硬件及辅助设备零售。'],
  [['商贸', '贸易', '进出口'], '一般项目：日用百货销售；五金产品零售；电子产品销售；服装服饰批发；货物进出口；技术进出口。'],
  [['建筑工程', '建设工程'], '许可项目：建设工程施工。一般项目：土石方工程施工；园林绿化工程施工；建筑材料销售。'],
  [['装饰工程', '装饰设计'], '一般项目：住宅室内装饰装修；建筑装饰材料销售；家具安装和维修服务。'],
  [['餐饮管理', '餐饮'], '许可项目：餐饮服务；食品销售。一般项目：餐饮管理；外卖递送服务。'],
  [['食品'], '许可项目：食品生产；食品销售。一般项目：食用农产品批发；食用农产品零售。'],
  [['物流', '供应链管理'], '许可项目：道路货物运输（不含危险货物）。一般项目：国内货物运输代理；普通货物仓储服务（不含危险化学品等需许可审批的项目）；供应链管理服务。'],
  [['房地产开发', '置业'], '许可项目：房地产开发经营。一般项目：物业管理；房地产经纪；住房租赁。'],
  [['物业管理', '物业服务'], '一般项目：物业管理；停车场服务；家政服务；园林绿化工程施工。'],
  [['文化传媒', '文化传播'], '一般项目：组织文化艺术交流活动；广告设计、代理；广告制作；会议及展览服务。'],
  [['机械设备', '精密机械'], '一般项目：通用设备制造（不含特种设备制造）；机械零件、零部件加工；机械设备销售。'],
  [['企业管理咨询', '商务咨询'], '一般项目：企业管理咨询；信息咨询服务（不含许可类信息咨询服务）；市场调查（不含涉外调查）；财务咨询。'],
  [['医药', '医疗器械'], '许可项目：药品批发；药品零售。一般项目：第二类医疗器械销售；第一类医疗器械销售。'],
  [['环保科技', '环境工程'], '一般项目：环保咨询服务；水污染治理；大气污染治理；固体废物治理。'],
  [['农业开发', '生态农业'], '一般项目：谷物种植；蔬菜种植；水果种植；农产品的生产、销售、加工、运输、贮藏及其他相关服务。'],
  [['教育科技', '教育咨询'], '一般项目：教育咨询服务（不含涉许可审批的教育培训活动）；软件开发；组织文化艺术交流活动。'],
  [['新能源科技', '能源科技'], '一般项目：太阳能发电技术服务；储能技术服务；新能源原动设备销售；电池销售。'],
  [['汽车服务', '汽车销售'], '一般项目：汽车新车销售；机动车修理和维护；汽车零配件零售；汽车租赁。'],
];
const ENTERPRISE_FORMS: readonly Weighted<string>[] = [
  ['有限公司', 70], ['有限责任公司', 18], ['股份有限公司', 8], ['合伙企业（有限合伙）', 4],
];
const pickEnterpriseForm = weightedPicker(ENTERPRISE_FORMS);

const SOCIAL_GROUPS: readonly (readonly [name: string, scope: string])[] = [
  ['书法家协会', '书法艺术交流、展览、培训，编辑会刊。'],
  ['摄影家协会', '摄影艺术交流、展览、培训、评选。'],
  ['软件行业协会', '行业交流、业务培训、咨询服务、行业标准推广。'],
  ['物流行业协会', '行业自律、业务培训、信息交流、咨询服务。'],
  ['餐饮行业协会', '行业自律、技能培训、信息交流、评比展示。'],
  ['老年体育协会', '组织老年人体育健身活动、竞赛、培训。'],
  ['青年企业家协会', '联谊交流、学习考察、咨询服务。'],
  ['计算机学会', '学术交流、科学普及、继续教育、咨询服务。'],
  ['个体劳动者协会', '维护会员合法权益、政策宣传、业务培训。'],
  ['志愿者协会', '组织志愿服务活动、志愿者培训、公益宣传。'],
];
const PRIVATE_NON_ENTERPRISES: readonly (readonly [kind: string, scope: string])[] = [
  ['养老院', '为老年人提供生活照料、康复护理、精神慰藉服务。'],
  ['职业技能培训学校', '职业技能培训。'],
  ['幼儿园', '学前教育。'],
  ['社会工作服务中心', '社区服务、个案辅导、小组工作、社会工作专业培训。'],
  ['康复中心', '残疾人康复训练、康复咨询、日间照料。'],
  ['艺术培训学校', '音乐、美术、舞蹈艺术培训。'],
];
const FOUNDATIONS: readonly (readonly [name: string, scope: string])[] = [
  ['慈善基金会', '扶贫济困、救灾救助、资助公益慈善项目。'],
  ['教育基金会', '资助贫困学生、奖励优秀教师、改善办学条件。'],
  ['助学基金会', '资助家庭经济困难学生完成学业。'],
  ['见义勇为基金会', '表彰奖励见义勇为人员、资助其伤残救治和生活困难。'],
  ['青少年发展基金会', '资助青少年教育、科技、文体活动。'],
];
/** Public institutions: one per county, or numbered (第二人民医院, 第十四中学). */
const PUBLIC_INSTITUTIONS: readonly (readonly [name: string, scope: string, numbered?: (n: string) => string])[] = [
  ['人民医院', '为人民身体健康提供医疗与护理保健服务。', (n) => `第${n}人民医院`],
  ['第一中学', '实施初中、高中教育，促进基础教育发展。', (n) => `第${n}中学`],
  ['第一小学', '实施小学义务教育，促进基础教育发展。', (n) => `第${n}小学`],
  ['第一幼儿园', '实施学前教育，促进幼儿身心发展。', (n) => `第${n}幼儿园`],
  ['实验小学', '实施小学义务教育，促进基础教育发展。'],
  ['中医医院', '中医医疗、预防保健、康复服务。'],
  ['妇幼保健院', '妇女儿童医疗保健、孕产期保健服务。'],
  ['疾病预防控制中心', '疾病预防与控制、突发公共卫生事件处置、健康教育。'],
  ['图书馆', '文献信息收藏、借阅、咨询服务，开展全民阅读活动。'],
  ['文化馆', '组织群众文化活动、非物质文化遗产保护。'],
  ['社会保险服务中心', '社会保险登记、缴费核定、待遇支付等经办服务。'],
  ['不动产登记中心', '不动产登记、信息查询、档案管理服务。'],
  ['政务服务中心', '政务服务事项受理、协调、监督服务。'],
  ['档案馆', '档案收集、整理、保管、利用服务。'],
];
/** Stems of neighbourhood (社区) names, for community-level organisations. */
const COMMUNITY_STEMS = '文化 翠苑 东湖 新华 和平 朝晖 金桥 春晖 长青 清河 望江 育才 南苑 北苑 湖滨 紫荆'.split(' ');

/** A trade name (字号) of `length` distinct characters. */
function tradeName(random: Prng, length: number): string {
  let name = '';
  while (name.length < length) {
    const ch = pickChar(random, TRADE_NAME_CHARS);
    if (!name.includes(ch)) name += ch;
  }
  return name;
}

/** Writes 1–99 in Chinese numerals (一, 十二, 三十五). */
function chineseNumber(n: number): string {
  const digits = '〇一二三四五六七八九';
  if (n < 10) return digits.charAt(n);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 1 ? '' : digits.charAt(tens)}十${units === 0 ? '' : digits.charAt(units)}`;
}

/** Where an organisation is: the division's place names, for building its name. */
export interface Place {
  readonly province: string;
  readonly city: string;
  readonly county: string;
}

/**
 * A realistic organisation name and business scope (经营范围 / 业务范围).
 *
 * Registries refuse a name already taken in the same area, so a caller that
 * finds a clash asks again with a higher `attempt`: later attempts draw from
 * larger name spaces (longer trade names, numbered institutions, community-level
 * associations).
 *
 * @example
 * organisationProfile(random, 'ENTERPRISE', place);
 * // { name: '杭州市恒信网络科技有限公司', businessScope: '一般项目：技术服务、…' }
 */
export function organisationProfile(random: Prng, kind: OrganisationKind, place: Place, attempt = 0): { name: string; businessScope: string } {
  const { province, city, county } = place;
  const cityShort = city.replace(/市$/, '');
  const local = `${city}${county}`;
  const tradeLength = attempt < 4 ? 2 : attempt < 8 ? 3 : 4;
  switch (kind) {
    case 'ENTERPRISE': {
      const [industryNames, scope] = random.pick(INDUSTRIES);
      const industry = random.pick(industryNames);
      const trade = tradeName(random, tradeLength);
      const form = pickEnterpriseForm(random);
      const roll = random.next();
      // Most names lead with the city; some put it in brackets after the trade name.
      const name =
        roll < 0.55 ? `${city}${trade}${industry}${form}`
          : roll < 0.9 ? `${cityShort}${trade}${industry}${form}`
            : `${trade}（${cityShort}）${industry}${form}`;
      return { name, businessScope: `${scope}（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）` };
    }
    case 'SOCIAL_GROUP': {
      const [what, scope] = random.pick(SOCIAL_GROUPS);
      if (attempt === 0) return { name: `${random.chance(0.5) ? city : local}${what}`, businessScope: scope };
      const community = attempt < 8 ? random.pick(COMMUNITY_STEMS) : tradeName(random, tradeLength);
      return { name: `${local}${community}社区${what}`, businessScope: scope };
    }
    case 'PRIVATE_NON_ENTERPRISE': {
      const [what, scope] = random.pick(PRIVATE_NON_ENTERPRISES);
      return { name: `${local}${tradeName(random, tradeLength)}${what}`, businessScope: scope };
    }
    case 'FOUNDATION': {
      const [what, scope] = random.pick(FOUNDATIONS);
      const base = random.chance(0.4) ? province : city;
      return { name: attempt === 0 ? `${base}${what}` : `${base}${tradeName(random, tradeLength)}${what}`, businessScope: scope };
    }
    case 'PUBLIC_INSTITUTION': {
      const [what, scope, numbered] = random.pick(PUBLIC_INSTITUTIONS);
      const base = random.chance(0.3) ? city : local;
      if (attempt === 0 || !numbered) return { name: `${base}${what}`, businessScope: scope };
      return { name: `${base}${numbered(chineseNumber(random.int(2, Math.min(99, 2 + attempt * 4))))}`, businessScope: scope };
    }
  }
}
