import type { Prng } from './prng.js';

/** A county-level administrative division (GB/T 2260) and the divisions above it. */
export interface Division {
  /** Six-digit GB/T 2260 code. */
  readonly code: string;
  /** Province-level name, e.g. 浙江省, 北京市. */
  readonly province: string;
  /** Prefecture-level name; for the four municipalities the same as `province`. */
  readonly city: string;
  /** County-level name, e.g. 西湖区. */
  readonly county: string;
}

type CityBlock = readonly [province: string, city: string, counties: readonly (readonly [code: string, name: string])[]];

/**
 * Real county-level divisions, as in the current GB/T 2260 code list. Only
 * urban districts whose codes have not changed in recent reforms are listed;
 * abolished codes (e.g. Hangzhou's 江干区 330104, Beijing's 崇文区 110103) are
 * deliberately left out.
 */
const CITY_BLOCKS: readonly CityBlock[] = [
  ['北京市', '北京市', [
    ['110101', '东城区'], ['110102', '西城区'], ['110105', '朝阳区'], ['110106', '丰台区'], ['110107', '石景山区'],
    ['110108', '海淀区'], ['110109', '门头沟区'], ['110111', '房山区'], ['110112', '通州区'], ['110113', '顺义区'],
    ['110114', '昌平区'], ['110115', '大兴区'], ['110116', '怀柔区'], ['110117', '平谷区'], ['110118', '密云区'],
    ['110119', '延庆区'],
  ]],
  ['天津市', '天津市', [
    ['120101', '和平区'], ['120102', '河东区'], ['120103', '河西区'], ['120104', '南开区'], ['120105', '河北区'],
    ['120106', '红桥区'], ['120110', '东丽区'], ['120111', '西青区'], ['120112', '津南区'], ['120113', '北辰区'],
    ['120114', '武清区'], ['120115', '宝坻区'], ['120116', '滨海新区'],
  ]],
  ['河北省', '石家庄市', [['130102', '长安区'], ['130104', '桥西区'], ['130105', '新华区'], ['130108', '裕华区']]],
  ['内蒙古自治区', '呼和浩特市', [['150102', '新城区'], ['150103', '回民区']]],
  ['辽宁省', '沈阳市', [['210102', '和平区'], ['210103', '沈河区'], ['210104', '大东区'], ['210105', '皇姑区'], ['210106', '铁西区']]],
  ['辽宁省', '大连市', [['210202', '中山区'], ['210203', '西岗区'], ['210204', '沙河口区']]],
  ['黑龙江省', '哈尔滨市', [['230102', '道里区'], ['230103', '南岗区'], ['230104', '道外区']]],
  ['上海市', '上海市', [
    ['310101', '黄浦区'], ['310104', '徐汇区'], ['310105', '长宁区'], ['310106', '静安区'], ['310107', '普陀区'],
    ['310109', '虹口区'], ['310110', '杨浦区'], ['310112', '闵行区'], ['310113', '宝山区'], ['310114', '嘉定区'],
    ['310115', '浦东新区'], ['310116', '金山区'], ['310117', '松江区'], ['310118', '青浦区'], ['310120', '奉贤区'],
    ['310151', '崇明区'],
  ]],
  ['江苏省', '南京市', [
    ['320102', '玄武区'], ['320104', '秦淮区'], ['320105', '建邺区'], ['320106', '鼓楼区'], ['320111', '浦口区'],
    ['320113', '栖霞区'], ['320114', '雨花台区'], ['320115', '江宁区'],
  ]],
  ['江苏省', '苏州市', [['320505', '虎丘区'], ['320506', '吴中区'], ['320507', '相城区'], ['320508', '姑苏区'], ['320509', '吴江区']]],
  ['浙江省', '杭州市', [
    ['330102', '上城区'], ['330105', '拱墅区'], ['330106', '西湖区'], ['330108', '滨江区'], ['330109', '萧山区'], ['330110', '余杭区'],
  ]],
  ['浙江省', '宁波市', [['330203', '海曙区'], ['330206', '北仑区'], ['330211', '镇海区'], ['330212', '鄞州区']]],
  ['福建省', '福州市', [['350102', '鼓楼区'], ['350103', '台江区'], ['350104', '仓山区'], ['350111', '晋安区']]],
  ['福建省', '厦门市', [
    ['350203', '思明区'], ['350205', '海沧区'], ['350206', '湖里区'], ['350211', '集美区'], ['350212', '同安区'], ['350213', '翔安区'],
  ]],
  ['山东省', '济南市', [['370102', '历下区'], ['370103', '市中区'], ['370104', '槐荫区'], ['370105', '天桥区'], ['370112', '历城区']]],
  ['山东省', '青岛市', [
    ['370202', '市南区'], ['370203', '市北区'], ['370211', '黄岛区'], ['370212', '崂山区'], ['370213', '李沧区'], ['370214', '城阳区'],
  ]],
  ['河南省', '郑州市', [['410102', '中原区'], ['410103', '二七区'], ['410104', '管城回族区'], ['410105', '金水区']]],
  ['湖北省', '武汉市', [
    ['420102', '江岸区'], ['420103', '江汉区'], ['420104', '硚口区'], ['420105', '汉阳区'], ['420106', '武昌区'],
    ['420107', '青山区'], ['420111', '洪山区'],
  ]],
  ['湖南省', '长沙市', [['430102', '芙蓉区'], ['430103', '天心区'], ['430104', '岳麓区'], ['430105', '开福区'], ['430111', '雨花区']]],
  ['广东省', '广州市', [
    ['440103', '荔湾区'], ['440104', '越秀区'], ['440105', '海珠区'], ['440106', '天河区'], ['440111', '白云区'],
    ['440112', '黄埔区'], ['440113', '番禺区'], ['440114', '花都区'], ['440115', '南沙区'],
  ]],
  ['广东省', '深圳市', [
    ['440303', '罗湖区'], ['440304', '福田区'], ['440305', '南山区'], ['440306', '宝安区'], ['440307', '龙岗区'],
    ['440308', '盐田区'], ['440309', '龙华区'], ['440310', '坪山区'],
  ]],
  ['广西壮族自治区', '南宁市', [['450102', '兴宁区'], ['450103', '青秀区']]],
  ['重庆市', '重庆市', [
    ['500101', '万州区'], ['500103', '渝中区'], ['500104', '大渡口区'], ['500105', '江北区'], ['500106', '沙坪坝区'],
    ['500107', '九龙坡区'], ['500108', '南岸区'], ['500112', '渝北区'],
  ]],
  ['四川省', '成都市', [
    ['510104', '锦江区'], ['510105', '青羊区'], ['510106', '金牛区'], ['510107', '武侯区'], ['510108', '成华区'],
    ['510112', '龙泉驿区'], ['510116', '双流区'], ['510117', '郫都区'],
  ]],
  ['云南省', '昆明市', [['530102', '五华区'], ['530103', '盘龙区']]],
  ['西藏自治区', '拉萨市', [['540102', '城关区']]],
  ['陕西省', '西安市', [
    ['610102', '新城区'], ['610103', '碑林区'], ['610104', '莲湖区'], ['610111', '灞桥区'], ['610112', '未央区'], ['610113', '雁塔区'],
  ]],
  ['宁夏回族自治区', '银川市', [['640104', '兴庆区']]],
  ['新疆维吾尔自治区', '乌鲁木齐市', [['650102', '天山区'], ['650103', '沙依巴克区']]],
];

/**
 * County-level divisions the seed data is spread over: 169 real GB/T 2260
 * codes in 23 province-level divisions.
 */
export const DIVISIONS: readonly Division[] = Object.freeze(
  CITY_BLOCKS.flatMap(([province, city, counties]) =>
    counties.map(([code, county]): Division => Object.freeze({ code, province, city, county })),
  ),
);

/** Divisions grouped by the first four digits of their code (the prefecture). */
const BY_CITY: ReadonlyMap<string, readonly Division[]> = (() => {
  const map = new Map<string, Division[]>();
  for (const division of DIVISIONS) {
    const key = division.code.slice(0, 4);
    const list = map.get(key) ?? [];
    list.push(division);
    map.set(key, list);
  }
  return map;
})();

/** Another (or the same) division in the same prefecture as `division`. */
export function divisionInSameCity(random: Prng, division: Division): Division {
  return random.pick(BY_CITY.get(division.code.slice(0, 4)) ?? [division]);
}

/**
 * The written place name of a division: 省 + 市 + 区, without repeating the
 * name of a municipality.
 *
 * @example
 * placeName(DIVISIONS[0]); // '北京市东城区'
 */
export function placeName(division: Division): string {
  return division.province === division.city
    ? `${division.city}${division.county}`
    : `${division.province}${division.city}${division.county}`;
}

/** Road-name stems common to most Chinese cities. */
const ROAD_STEMS = [
  '人民', '解放', '中山', '建设', '和平', '文化', '新华', '长江', '黄河', '胜利', '朝阳', '东风', '幸福', '光明',
  '青年', '迎宾', '工业', '学院', '体育', '公园', '滨江', '环城', '建国', '复兴', '团结', '友谊', '花园', '延安',
  '五一', '八一', '红旗', '新民', '民主', '育才', '兴业', '振兴', '富强', '金桥', '望江', '锦绣', '劳动', '前进',
] as const;
const DIRECTIONS = ['东', '西', '南', '北', '中'] as const;
const COMPOUND_STEMS = ['锦绣', '阳光', '幸福', '翠湖', '金色', '碧水', '绿城', '和谐', '书香', '万科', '华府', '春晓', '海棠', '丽景'] as const;
const COMPOUND_KINDS = ['花园', '小区', '家园', '苑', '新村', '公寓'] as const;
const TOWER_STEMS = ['国际', '世纪', '金融', '财富', '环球', '中心', '时代', '科技', '创业', '商务'] as const;

/** A road name such as 人民东路, 文化街 or 滨江大道. */
function roadName(random: Prng): string {
  const stem = random.pick(ROAD_STEMS);
  const roll = random.next();
  if (roll < 0.2) return `${stem}街`;
  if (roll < 0.28) return `${stem}巷`;
  const kind = roll < 0.36 ? '大道' : '路';
  return random.chance(0.3) ? `${stem}${random.pick(DIRECTIONS)}${kind}` : `${stem}${kind}`;
}

/**
 * A home address in `division`: 省市区 + road + number, usually down to the
 * flat (building, entrance, room).
 *
 * @example
 * homeAddress(random, division); // '浙江省杭州市西湖区文化路128号锦绣花园3栋2单元502室'
 */
export function homeAddress(random: Prng, division: Division): string {
  const street = `${placeName(division)}${roadName(random)}${random.int(1, 399)}号`;
  const roll = random.next();
  const room = `${random.int(1, 33)}${String(random.int(1, 6)).padStart(2, '0')}室`;
  if (roll < 0.5) {
    return `${street}${random.pick(COMPOUND_STEMS)}${random.pick(COMPOUND_KINDS)}${random.int(1, 30)}栋${random.int(1, 6)}单元${room}`;
  }
  if (roll < 0.85) return `${street}${random.int(1, 20)}号楼${room}`;
  return street;
}

/**
 * An office address in `division`: 省市区 + road + number + building and room.
 *
 * @example
 * officeAddress(random, division); // '广东省深圳市南山区建设路88号国际大厦1203室'
 */
export function officeAddress(random: Prng, division: Division): string {
  const street = `${placeName(division)}${roadName(random)}${random.int(1, 999)}号`;
  const roll = random.next();
  if (roll < 0.6) {
    return `${street}${random.pick(TOWER_STEMS)}大厦${random.int(1, 40)}${String(random.int(1, 20)).padStart(2, '0')}室`;
  }
  if (roll < 0.85) return `${street}${random.int(1, 12)}栋${random.int(1, 9)}层`;
  return street;
}
