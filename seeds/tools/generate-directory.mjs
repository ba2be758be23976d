#!/usr/bin/env node
// 聊城市消费维权目录种子数据生成脚本（无依赖，ESM，确定性）。
// Generates seeds/areas.json, regulators.json, categories.json, venues.json and stations.json.
// Deterministic: a fixed-seed mulberry32 PRNG, no Date/Math.random, so running
//   node seeds/tools/generate-directory.mjs
// reproduces the committed files byte for byte. The 191 stations are a generated SAMPLE
// standing in for the bureau's real list (not public); a real deployment imports that list.
// Run with --check to verify the committed files match without writing them.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEEDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = 371500;

const NOTE =
  '样例数据：本目录中的191个消费维权服务站及其所在场所的名称、地址、电话、坐标均为程序生成的示例数据，' +
  '用于代替主管部门尚未公开的真实服务站名单；县级区域、类别与监管部门依据公开资料整理，地址与电话仅为示意。' +
  '正式部署时须导入市场监管部门提供的真实名单（CSV/JSON）替换本样例。';

// ---------------------------------------------------------------------------
// PRNG
function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const randInt = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const round6 = (x) => Math.round(x * 1e6) / 1e6;
function pickSome(arr, lo, hi) {
  const copy = [...arr];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, randInt(lo, hi));
}

// ---------------------------------------------------------------------------
// Categories (codes are fixed: other code depends on them)
const CATEGORIES = [
  ['catering', '餐饮服务', 'service', null],
  ['accommodation', '住宿服务', 'service', null],
  ['household', '家政服务', 'service', 'CM-371500'],
  ['elderly-care', '养老服务', 'service', 'CA-371500'],
  ['childcare', '托育服务', 'service', 'HC-371500'],
  ['culture-entertainment', '文化娱乐', 'service', 'CT-371500'],
  ['tourism', '旅游服务', 'service', 'CT-371500'],
  ['sports-fitness', '体育健身', 'service', 'ES-371500'],
  ['education-training', '教育培训', 'service', 'ES-371500'],
  ['property', '物业服务', 'service', 'HS-371500'],
  ['rental', '房屋租赁', 'service', 'HS-371500'],
  ['renovation', '家居装修', 'service', null],
  ['medical', '医疗服务', 'service', 'HC-371500'],
  ['rehabilitation', '康复服务', 'service', 'HC-371500'],
  ['tcm-wellness', '中医养生保健', 'service', null],
  ['beauty', '美容美发', 'service', null],
  ['digital', '信息与数字服务', 'service', null],
  ['telecom', '电信服务', 'service', 'TC-370000'],
  ['finance', '金融服务', 'service', 'FR-371500'],
  ['insurance', '保险服务', 'service', 'FR-371500'],
  ['taxi', '出租汽车与网约车', 'service', 'TR-371500'],
  ['driving-school', '机动车驾驶培训', 'service', 'TR-371500'],
  ['express', '快递服务', 'service', 'PO-371500'],
  ['recycling', '回收与以旧换新', 'service', 'CM-371500'],
  ['prepaid-card', '单用途商业预付卡', 'service', 'CM-371500'],
  ['auto-repair', '汽车维修', 'service', null],
  ['food', '食品', 'goods', null],
  ['appliances', '家用电器', 'goods', null],
  ['vehicles', '汽车及配件', 'goods', null],
  ['electronics', '通讯与电子产品', 'goods', null],
  ['clothing', '服装鞋帽', 'goods', null],
  ['daily-goods', '日用百货', 'goods', null],
  ['cosmetics', '化妆品', 'goods', null],
  ['furniture', '家具建材', 'goods', null],
].map(([code, name, group, regulatorCode]) => ({ code, name, group, regulatorCode }));
const CATEGORY_ORDER = new Map(CATEGORIES.map((c, i) => [c.code, i]));

// ---------------------------------------------------------------------------
// Areas, with the name pools used to generate the sample directory.
// subs: urban sub-districts (街道) used for addresses; roads: road names; communities: [街道, 社区]
// venues: generated (named:false) venues after the named ones; t = type, k = sub-kind;
// optional sub/road/place (address parts) and lat/lng (known location, e.g. a rural scenic spot).
const AREAS = [
  {
    code: '371502',
    name: '东昌府区',
    kind: 'district',
    lat: 36.434,
    lng: 115.988,
    short: '东昌府区',
    phone: '8',
    radius: 0.04,
    subs: ['古楼街道', '柳园街道', '新区街道', '湖西街道', '道口铺街道', '闫寺街道', '北城街道'],
    roads: ['东昌路', '柳园路', '兴华路', '振兴路', '光岳路', '建设路', '花园路', '向阳路', '利民路', '昌润路', '卫育路', '站前街'],
    named: [
      {
        t: 'mall',
        name: '金鼎购物中心',
        sub: '新区街道',
        road: '东昌路',
        cap: 80,
        cats: [
          'catering',
          'clothing',
          'electronics',
          'appliances',
          'daily-goods',
          'cosmetics',
          'beauty',
          'culture-entertainment',
          'prepaid-card',
          'digital',
        ],
      },
      {
        t: 'mall',
        name: '柳园路智慧商圈',
        sub: '柳园街道',
        road: '柳园路',
        cap: 80,
        cats: [
          'catering',
          'clothing',
          'electronics',
          'appliances',
          'daily-goods',
          'cosmetics',
          'beauty',
          'sports-fitness',
          'culture-entertainment',
          'prepaid-card',
          'digital',
        ],
      },
      {
        t: 'mall',
        name: '香江路智慧商圈',
        road: '香江路',
        cap: 70,
        cats: ['catering', 'clothing', 'electronics', 'appliances', 'daily-goods', 'cosmetics', 'beauty', 'prepaid-card', 'digital'],
      },
      {
        t: 'mall',
        name: '铁塔商圈',
        sub: '古楼街道',
        road: '东关街',
        cap: 60,
        cats: ['catering', 'food', 'clothing', 'daily-goods', 'culture-entertainment', 'prepaid-card'],
      },
      {
        t: 'mall',
        name: '月季里休闲街区',
        cap: 50,
        cats: ['catering', 'food', 'clothing', 'beauty', 'sports-fitness', 'culture-entertainment', 'prepaid-card'],
      },
      {
        t: 'scenic',
        name: '聊城水上古城',
        sub: '古楼街道',
        road: '光岳路',
        cap: 70,
        lat: 36.452,
        lng: 115.991,
        cats: ['tourism', 'catering', 'accommodation', 'culture-entertainment', 'food', 'daily-goods'],
      },
      {
        t: 'platform',
        name: '大润发优鲜',
        cap: 80,
        cats: ['digital', 'food', 'daily-goods', 'appliances', 'electronics', 'express', 'prepaid-card'],
      },
      {
        t: 'platform',
        name: '百大百优鲜',
        cap: 70,
        cats: ['digital', 'food', 'daily-goods', 'cosmetics', 'clothing', 'express', 'prepaid-card'],
      },
      { t: 'platform', name: '聊聊云购', cap: 65, cats: ['digital', 'food', 'daily-goods', 'electronics', 'clothing', 'express'] },
      { t: 'enterprise', name: '魏氏熏鸡', cap: 25, cats: ['food'] },
    ],
    communities: [
      ['古楼街道', '光岳社区'],
      ['柳园街道', '柳园社区'],
      ['新区街道', '昌润社区'],
      ['湖西街道', '湖西社区'],
      ['道口铺街道', '道口铺社区'],
      ['闫寺街道', '闫寺社区'],
      ['北城街道', '北城社区'],
      ['新区街道', '向阳社区'],
    ],
    venues: [
      { t: 'mall', name: '东昌路购物广场', road: '东昌路' },
      { t: 'mall', name: '兴华路商业步行街', road: '兴华路' },
      { t: 'mall', name: '振兴路百货商场', road: '振兴路' },
      { t: 'mall', name: '站前街商业中心', road: '站前街' },
      { t: 'mall', name: '光岳路时代广场', road: '光岳路' },
      { t: 'mall', name: '花园路邻里中心', road: '花园路' },
      { t: 'mall', name: '建设路商业综合体', road: '建设路' },
      { t: 'market', k: 'wholesale-food', name: '东昌府区农产品批发市场' },
      { t: 'market', k: 'wholesale-goods', name: '东昌府区小商品批发市场' },
      { t: 'market', k: 'farm', name: '古楼农贸市场', sub: '古楼街道' },
      { t: 'market', k: 'farm', name: '柳园农贸市场', sub: '柳园街道' },
      { t: 'market', k: 'farm', name: '湖西农贸市场', sub: '湖西街道' },
      { t: 'market', k: 'farm', name: '道口铺农贸市场', sub: '道口铺街道' },
      { t: 'market', k: 'farm', name: '闫寺农贸市场', sub: '闫寺街道' },
      { t: 'market', k: 'farm', name: '北城农贸市场', sub: '北城街道' },
      { t: 'scenic', name: '山陕会馆', sub: '古楼街道', lat: 36.455, lng: 116.004 },
      { t: 'scenic', name: '东昌府区葫芦文化博览园' },
      { t: 'scenic', name: '东昌府区非遗文化体验馆' },
      { t: 'platform', name: '东昌府区直播电商共享基地' },
      { t: 'platform', name: '东昌府区葫芦电商产业园' },
      { t: 'enterprise', k: 'auto', name: '东昌汽车城' },
      { t: 'enterprise', k: 'appliance', name: '东昌府区家电以旧换新体验中心' },
      { t: 'enterprise', k: 'home', name: '东昌家居建材城' },
      { t: 'enterprise', k: 'hotel', name: '湖滨商务酒店（东昌府店）' },
      { t: 'enterprise', k: 'supermarket', name: '东昌便民连锁超市总店' },
      { t: 'enterprise', k: 'crafts', name: '东昌葫芦工艺品有限公司' },
      { t: 'enterprise', k: 'gym', name: '水城健身连锁总店' },
    ],
  },
  {
    code: '371503',
    name: '茌平区',
    kind: 'district',
    lat: 36.58,
    lng: 116.255,
    short: '茌平区',
    phone: '42',
    radius: 0.035,
    subs: ['振兴街道', '信发街道', '温陈街道'],
    roads: ['振兴路', '新政路', '文化路', '金牛路', '湖滨路', '建设路'],
    named: [{ t: 'enterprise', name: '潘佳驴肉', cap: 25, cats: ['food'] }],
    communities: [
      ['振兴街道', '振兴社区'],
      ['信发街道', '信发社区'],
      ['温陈街道', '温陈社区'],
    ],
    venues: [
      { t: 'mall', name: '茌平区中心商场' },
      { t: 'mall', name: '茌平区购物广场' },
      { t: 'mall', name: '茌平区商业步行街' },
      { t: 'market', k: 'wholesale-food', name: '茌平区农产品批发市场' },
      { t: 'market', k: 'farm', name: '振兴农贸市场', sub: '振兴街道' },
      { t: 'market', k: 'farm', name: '信发农贸市场', sub: '信发街道' },
      { t: 'market', k: 'farm', name: '温陈农贸市场', sub: '温陈街道' },
      { t: 'scenic', name: '茌平区大枣生态旅游园' },
      { t: 'scenic', name: '茌平区乡村旅游示范区' },
      { t: 'platform', name: '茌平圆铃大枣电商产业园' },
      { t: 'enterprise', k: 'auto', name: '茌平区汽车销售服务中心' },
      { t: 'enterprise', k: 'appliance', name: '茌平区家电家居广场' },
      { t: 'enterprise', k: 'supermarket', name: '茌平区便民连锁超市总店' },
    ],
  },
  {
    code: '371521',
    name: '阳谷县',
    kind: 'county',
    lat: 36.114,
    lng: 115.792,
    short: '阳谷县',
    phone: '62',
    radius: 0.035,
    subs: ['博济桥街道', '侨润街道', '狮子楼街道'],
    roads: ['谷山路', '运河路', '清河路', '狮子楼路', '金水路', '阿城路'],
    named: [
      {
        t: 'scenic',
        name: '阳谷古城',
        sub: '狮子楼街道',
        cap: 45,
        cats: ['tourism', 'catering', 'accommodation', 'culture-entertainment', 'food'],
      },
      { t: 'enterprise', name: '景阳冈酒厂', cap: 30, cats: ['food'] },
    ],
    communities: [
      ['博济桥街道', '博济桥社区'],
      ['侨润街道', '侨润社区'],
      ['狮子楼街道', '狮子楼社区'],
    ],
    venues: [
      { t: 'mall', name: '阳谷县中心商场' },
      { t: 'mall', name: '阳谷县购物广场' },
      { t: 'mall', name: '阳谷县商业步行街' },
      { t: 'market', k: 'wholesale-food', name: '阳谷县农产品批发市场' },
      { t: 'market', k: 'farm', name: '博济桥农贸市场', sub: '博济桥街道' },
      { t: 'market', k: 'farm', name: '侨润农贸市场', sub: '侨润街道' },
      { t: 'market', k: 'farm', name: '狮子楼农贸市场', sub: '狮子楼街道' },
      { t: 'scenic', name: '景阳冈景区', sub: '张秋镇', place: '景阳冈村', lat: 36.095, lng: 115.97 },
      { t: 'scenic', name: '狮子楼旅游区', sub: '狮子楼街道' },
      { t: 'scenic', name: '金水湖公园' },
      { t: 'platform', name: '阳谷县电商直播产业园' },
      { t: 'enterprise', k: 'auto', name: '阳谷县汽车商贸城' },
      { t: 'enterprise', k: 'appliance', name: '阳谷县家电以旧换新服务中心' },
    ],
  },
  {
    code: '371522',
    name: '莘县',
    kind: 'county',
    lat: 36.234,
    lng: 115.671,
    short: '莘县',
    phone: '72',
    radius: 0.035,
    subs: ['燕塔街道', '莘亭街道', '莘州街道'],
    roads: ['莘亭路', '燕塔路', '振兴街', '东顺路', '通运路', '中华路'],
    named: [],
    communities: [
      ['燕塔街道', '燕塔社区'],
      ['莘亭街道', '莘亭社区'],
      ['莘州街道', '莘州社区'],
    ],
    venues: [
      { t: 'mall', name: '莘县中心商场' },
      { t: 'mall', name: '莘县购物广场' },
      { t: 'mall', name: '莘县商业步行街' },
      { t: 'mall', name: '莘县邻里中心' },
      { t: 'market', k: 'wholesale-food', name: '莘县蔬菜批发市场' },
      { t: 'market', k: 'wholesale-goods', name: '莘县小商品批发市场' },
      { t: 'market', k: 'farm', name: '燕塔农贸市场', sub: '燕塔街道' },
      { t: 'market', k: 'farm', name: '莘亭农贸市场', sub: '莘亭街道' },
      { t: 'market', k: 'farm', name: '莘州农贸市场', sub: '莘州街道' },
      { t: 'scenic', name: '莘县燕塔公园', sub: '燕塔街道' },
      { t: 'scenic', name: '莘县蔬菜生态观光园' },
      { t: 'platform', name: '莘县蔬菜电商直播基地' },
      { t: 'enterprise', k: 'auto', name: '莘县汽车商贸城' },
      { t: 'enterprise', k: 'home', name: '莘县家居建材城' },
      { t: 'enterprise', k: 'supermarket', name: '莘县便民连锁超市总店' },
    ],
  },
  {
    code: '371524',
    name: '东阿县',
    kind: 'county',
    lat: 36.335,
    lng: 116.248,
    short: '东阿县',
    phone: '32',
    radius: 0.035,
    subs: ['铜城街道', '新城街道'],
    roads: ['阿胶街', '新城路', '铜城路', '洛神路', '少岱山路', '曙光街'],
    named: [
      {
        t: 'scenic',
        name: '东阿阿胶城',
        sub: '新城街道',
        road: '阿胶街',
        cap: 55,
        cats: ['tourism', 'catering', 'culture-entertainment', 'tcm-wellness', 'food', 'daily-goods'],
      },
    ],
    communities: [
      ['铜城街道', '铜城社区'],
      ['新城街道', '新城社区'],
      ['新城街道', '曙光社区'],
    ],
    venues: [
      { t: 'mall', name: '东阿县中心商场' },
      { t: 'mall', name: '东阿县购物广场' },
      { t: 'mall', name: '东阿县商业步行街' },
      { t: 'market', k: 'wholesale-food', name: '东阿县农产品批发市场' },
      { t: 'market', k: 'farm', name: '铜城农贸市场', sub: '铜城街道' },
      { t: 'market', k: 'farm', name: '新城农贸市场', sub: '新城街道' },
      { t: 'scenic', name: '鱼山曹植墓景区', sub: '鱼山镇', place: '鱼山村', lat: 36.2, lng: 116.33 },
      { t: 'scenic', name: '洛神湖公园', road: '洛神路' },
      { t: 'platform', name: '东阿阿胶直播电商基地' },
      { t: 'enterprise', k: 'wellness', name: '东阿县阿胶养生体验馆' },
      { t: 'enterprise', k: 'auto', name: '东阿县汽车商贸城' },
    ],
  },
  {
    code: '371525',
    name: '冠县',
    kind: 'county',
    lat: 36.484,
    lng: 115.442,
    short: '冠县',
    phone: '52',
    radius: 0.035,
    subs: ['清泉街道', '崇文街道', '烟庄街道'],
    roads: ['冠宜春路', '红旗路', '清泉路', '崇文路', '振兴路', '建设路'],
    named: [],
    communities: [
      ['清泉街道', '清泉社区'],
      ['崇文街道', '崇文社区'],
      ['烟庄街道', '烟庄社区'],
    ],
    venues: [
      { t: 'mall', name: '冠县中心商场' },
      { t: 'mall', name: '冠县购物广场' },
      { t: 'mall', name: '冠县商业步行街' },
      { t: 'market', k: 'wholesale-food', name: '冠县农产品批发市场' },
      { t: 'market', k: 'farm', name: '清泉农贸市场', sub: '清泉街道' },
      { t: 'market', k: 'farm', name: '崇文农贸市场', sub: '崇文街道' },
      { t: 'market', k: 'farm', name: '烟庄农贸市场', sub: '烟庄街道' },
      { t: 'mall', name: '冠县邻里中心' },
      { t: 'scenic', name: '中华第一梨园风景区', sub: '兰沃乡', place: '韩路村北', lat: 36.57, lng: 115.555 },
      { t: 'platform', name: '冠县鸭梨电商产业园' },
      { t: 'enterprise', k: 'wellness', name: '冠县灵芝产品展销中心' },
      { t: 'enterprise', k: 'auto', name: '冠县汽车商贸城' },
      { t: 'enterprise', k: 'appliance', name: '冠县家电家居广场' },
    ],
  },
  {
    code: '371526',
    name: '高唐县',
    kind: 'county',
    lat: 36.866,
    lng: 116.231,
    short: '高唐县',
    phone: '39',
    radius: 0.035,
    subs: ['鱼丘湖街道', '汇鑫街道', '人和街道'],
    roads: ['鱼丘湖路', '人和路', '汇鑫路', '金城路', '官道街', '育才路'],
    named: [{ t: 'enterprise', name: '五更炉熏鸡', cap: 25, cats: ['food'] }],
    communities: [
      ['鱼丘湖街道', '鱼丘湖社区'],
      ['汇鑫街道', '汇鑫社区'],
      ['人和街道', '人和社区'],
    ],
    venues: [
      { t: 'mall', name: '高唐县中心商场' },
      { t: 'mall', name: '高唐县购物广场' },
      { t: 'mall', name: '高唐县商业步行街' },
      { t: 'market', k: 'wholesale-food', name: '高唐县农产品批发市场' },
      { t: 'market', k: 'farm', name: '鱼丘湖农贸市场', sub: '鱼丘湖街道' },
      { t: 'market', k: 'farm', name: '汇鑫农贸市场', sub: '汇鑫街道' },
      { t: 'scenic', name: '鱼丘湖风景区', sub: '鱼丘湖街道', road: '鱼丘湖路', lat: 36.862, lng: 116.228 },
      { t: 'scenic', name: '双海湖风景区', road: '官道街', lat: 36.842, lng: 116.236 },
      { t: 'platform', name: '高唐锦鲤电商产业园' },
      { t: 'enterprise', k: 'auto', name: '高唐县汽车商贸城' },
      { t: 'enterprise', k: 'supermarket', name: '高唐县便民连锁超市总店' },
    ],
  },
  {
    code: '371581',
    name: '临清市',
    kind: 'county-city',
    lat: 36.838,
    lng: 115.705,
    short: '临清市',
    phone: '23',
    radius: 0.035,
    subs: ['青年路街道', '新华路街道', '先锋路街道', '大辛庄街道'],
    roads: ['青年路', '新华路', '先锋路', '永青路', '大众路', '温泉路'],
    named: [
      { t: 'scenic', name: '运河古城历史文化长廊', cap: 45, cats: ['tourism', 'catering', 'culture-entertainment', 'food', 'daily-goods'] },
      { t: 'scenic', name: '临清东宛园', cap: 45, cats: ['tourism', 'catering', 'accommodation', 'culture-entertainment', 'food'] },
    ],
    communities: [
      ['青年路街道', '青年社区'],
      ['新华路街道', '新华社区'],
      ['先锋路街道', '先锋社区'],
    ],
    venues: [
      { t: 'mall', name: '临清市中心商场' },
      { t: 'mall', name: '临清市购物广场' },
      { t: 'mall', name: '临清市商业步行街' },
      { t: 'mall', name: '临清市邻里中心' },
      { t: 'market', k: 'wholesale-food', name: '临清市农产品批发市场' },
      { t: 'market', k: 'farm', name: '青年路农贸市场', sub: '青年路街道', road: '青年路' },
      { t: 'market', k: 'farm', name: '新华路农贸市场', sub: '新华路街道', road: '新华路' },
      { t: 'market', k: 'farm', name: '先锋路农贸市场', sub: '先锋路街道', road: '先锋路' },
      { t: 'scenic', name: '临清舍利宝塔景区' },
      { t: 'scenic', name: '鳌头矶景区' },
      { t: 'platform', name: '临清特产电商直播基地' },
      { t: 'enterprise', k: 'auto', name: '临清市汽车商贸城' },
      { t: 'enterprise', k: 'food', name: '临清市特色食品展销中心' },
    ],
  },
  {
    code: '371571',
    name: '聊城经济技术开发区',
    kind: 'zone',
    lat: 36.42,
    lng: 116.05,
    short: '经开区',
    addr: '经济技术开发区',
    phone: '8',
    radius: 0.025,
    subs: ['蒋官屯街道', '东城街道'],
    roads: ['黄河路', '长江路', '华山路', '嵩山路', '东昌东路', '中华路'],
    named: [
      { t: 'platform', name: '宏大海融商城', cap: 65, cats: ['digital', 'food', 'daily-goods', 'appliances', 'electronics', 'express'] },
    ],
    communities: [
      ['蒋官屯街道', '蒋官屯社区'],
      ['东城街道', '东城社区'],
    ],
    venues: [
      { t: 'mall', name: '经开区购物广场' },
      { t: 'mall', name: '经开区邻里中心' },
      { t: 'market', k: 'farm', name: '蒋官屯农贸市场', sub: '蒋官屯街道' },
      { t: 'market', k: 'farm', name: '东城农贸市场', sub: '东城街道' },
      { t: 'enterprise', k: 'auto', name: '经开区汽车产业园展销中心' },
      { t: 'enterprise', k: 'home', name: '经开区家居建材城' },
      { t: 'enterprise', k: 'hotel', name: '经开区商务酒店' },
    ],
  },
  {
    code: '371572',
    name: '聊城高新技术产业开发区',
    kind: 'zone',
    lat: 36.47,
    lng: 116.07,
    short: '高新区',
    addr: '高新技术产业开发区',
    phone: '8',
    radius: 0.025,
    subs: ['九州街道', '顾官屯镇', '许营镇', '韩集镇'],
    roads: ['东昌东路', '天津路', '黄山路', '松花江路', '庐山路', '九州路'],
    named: [
      {
        t: 'mall',
        name: '万达欢乐小镇',
        sub: '九州街道',
        road: '东昌东路',
        cap: 75,
        cats: [
          'catering',
          'clothing',
          'electronics',
          'appliances',
          'daily-goods',
          'cosmetics',
          'beauty',
          'culture-entertainment',
          'sports-fitness',
          'education-training',
          'prepaid-card',
        ],
      },
    ],
    communities: [
      ['九州街道', '九州社区'],
      ['九州街道', '光明社区'],
    ],
    venues: [
      { t: 'mall', name: '高新区购物广场' },
      { t: 'mall', name: '高新区邻里中心' },
      { t: 'market', k: 'farm', name: '九州农贸市场', sub: '九州街道' },
      { t: 'market', k: 'farm', name: '顾官屯农贸市场', sub: '顾官屯镇' },
      { t: 'scenic', name: '徒骇河湿地公园' },
      { t: 'platform', name: '高新区电子商务产业园' },
      { t: 'enterprise', k: 'appliance', name: '高新区家电数码卖场' },
    ],
  },
  {
    code: '371573',
    name: '江北水城旅游度假区',
    kind: 'zone',
    lat: 36.44,
    lng: 115.96,
    short: '度假区',
    phone: '8',
    radius: 0.025,
    subs: ['李海务街道', '于集镇', '朱老庄镇'],
    roads: ['湖南路', '滨湖路', '光岳南路', '柳园南路', '滨河大道', '龙湾路'],
    named: [
      {
        t: 'scenic',
        name: '东昌湖风景区',
        sub: '李海务街道',
        road: '湖南路',
        cap: 60,
        cats: ['tourism', 'catering', 'culture-entertainment', 'sports-fitness', 'food'],
      },
    ],
    communities: [
      ['李海务街道', '李海务社区'],
      ['于集镇', '于集社区'],
    ],
    venues: [
      { t: 'mall', name: '度假区湖畔商业街' },
      { t: 'market', k: 'farm', name: '李海务农贸市场', sub: '李海务街道' },
      { t: 'scenic', name: '姜堤乐园', road: '滨河大道' },
      { t: 'scenic', name: '度假区滨河湿地公园', road: '滨河大道' },
      { t: 'scenic', name: '度假区乡村民宿集聚区', sub: '朱老庄镇' },
      { t: 'enterprise', k: 'hotel', name: '度假区湖畔度假酒店' },
    ],
  },
];

const EXPECTED_STATIONS = {
  371502: 45,
  371503: 17,
  371521: 18,
  371522: 18,
  371524: 15,
  371525: 16,
  371526: 15,
  371581: 18,
  371571: 10,
  371572: 10,
  371573: 9,
};

// ---------------------------------------------------------------------------
// Regulators (hand-written sample contact data)
const CITY_ADDR = '山东省聊城市';
const REGULATORS = [
  ['MR-371500', '聊城市市场监督管理局', 'market', 'city', null, '山东省聊城市东昌府区东昌东路116号', '0635-8451235'],
  ['MR-371502', '聊城市东昌府区市场监督管理局', 'market', 'county', '371502', '山东省聊城市东昌府区柳园街道柳园南路57号', '0635-8267315'],
  ['MR-371503', '聊城市茌平区市场监督管理局', 'market', 'county', '371503', '山东省聊城市茌平区振兴街道新政路108号', '0635-4262315'],
  ['MR-371521', '阳谷县市场监督管理局', 'market', 'county', '371521', '山东省聊城市阳谷县博济桥街道谷山路156号', '0635-6212315'],
  ['MR-371522', '莘县市场监督管理局', 'market', 'county', '371522', '山东省聊城市莘县燕塔街道莘亭路89号', '0635-7312315'],
  ['MR-371524', '东阿县市场监督管理局', 'market', 'county', '371524', '山东省聊城市东阿县新城街道少岱山路66号', '0635-3282315'],
  ['MR-371525', '冠县市场监督管理局', 'market', 'county', '371525', '山东省聊城市冠县清泉街道冠宜春路128号', '0635-5162315'],
  ['MR-371526', '高唐县市场监督管理局', 'market', 'county', '371526', '山东省聊城市高唐县鱼丘湖街道金城路77号', '0635-3952315'],
  ['MR-371581', '临清市市场监督管理局', 'market', 'county', '371581', '山东省聊城市临清市新华路街道永青路95号', '0635-2412315'],
  [
    'MR-371571',
    '聊城市市场监督管理局经济技术开发区分局',
    'market',
    'county',
    '371571',
    '山东省聊城市经济技术开发区东城街道黄河路29号',
    '0635-8562315',
  ],
  [
    'MR-371572',
    '聊城市市场监督管理局高新技术产业开发区分局',
    'market',
    'county',
    '371572',
    '山东省聊城市高新技术产业开发区九州街道天津路36号',
    '0635-8592315',
  ],
  [
    'MR-371573',
    '聊城市市场监督管理局江北水城旅游度假区分局',
    'market',
    'county',
    '371573',
    '山东省聊城市江北水城旅游度假区李海务街道湖南路18号',
    '0635-8392315',
  ],
  ['CT-371500', '聊城市文化和旅游局', 'sector', 'city', null, '山东省聊城市东昌府区柳园南路16号', '0635-8243016'],
  ['CA-371500', '聊城市民政局', 'sector', 'city', null, '山东省聊城市东昌府区东昌西路39号', '0635-8284031'],
  ['HC-371500', '聊城市卫生健康委员会', 'sector', 'city', null, '山东省聊城市东昌府区兴华西路118号', '0635-8272046'],
  ['ES-371500', '聊城市教育和体育局', 'sector', 'city', null, '山东省聊城市东昌府区湖南路37号', '0635-8241287'],
  ['HS-371500', '聊城市住房和城乡建设局', 'sector', 'city', null, '山东省聊城市东昌府区花园南路118号', '0635-8276524'],
  ['CM-371500', '聊城市商务局', 'sector', 'city', null, '山东省聊城市东昌府区东昌东路1号', '0635-8453702'],
  ['TR-371500', '聊城市交通运输局', 'sector', 'city', null, '山东省聊城市东昌府区振兴西路135号', '0635-8298610'],
  ['PO-371500', '聊城市邮政管理局', 'sector', 'city', null, '山东省聊城市东昌府区建设路88号', '0635-8219372'],
  ['FR-371500', '国家金融监督管理总局聊城监管分局', 'sector', 'city', null, '山东省聊城市东昌府区东昌东路38号', '0635-8315620'],
  ['TC-370000', '山东省通信管理局', 'sector', 'province', null, '山东省济南市历下区经十路9777号', '0531-86098123'],
].map(([code, name, kind, level, areaCode, address, phone]) => ({ code, name, kind, level, areaCode, address, phone }));

// ---------------------------------------------------------------------------
// Category sets per venue type / sub-kind
const MALL_BASE = ['catering', 'clothing', 'electronics', 'appliances', 'daily-goods', 'cosmetics', 'prepaid-card'];
const MALL_EXTRA = ['beauty', 'sports-fitness', 'culture-entertainment', 'education-training', 'food', 'furniture'];
const SCENIC_BASE = ['tourism', 'catering', 'culture-entertainment', 'food'];
const SCENIC_EXTRA = ['accommodation', 'daily-goods'];
const COMMUNITY_BASE = ['household', 'elderly-care', 'property', 'catering', 'food', 'daily-goods'];
const COMMUNITY_EXTRA = ['renovation', 'prepaid-card', 'beauty', 'recycling', 'childcare', 'tcm-wellness', 'rental', 'auto-repair'];
const PLATFORM_BASE = ['digital', 'food', 'daily-goods', 'express'];
const PLATFORM_EXTRA = ['electronics', 'appliances', 'prepaid-card', 'clothing', 'cosmetics'];
const MARKET = {
  farm: [['food', 'daily-goods'], ['clothing'], 0, 1],
  'wholesale-food': [['food'], [], 0, 0],
  'wholesale-goods': [['daily-goods', 'clothing'], ['electronics', 'furniture'], 0, 1],
};
const ENTERPRISE = {
  auto: ['vehicles', 'auto-repair'],
  appliance: ['appliances', 'electronics', 'recycling'],
  home: ['furniture', 'renovation'],
  hotel: ['accommodation', 'catering'],
  supermarket: ['food', 'daily-goods', 'prepaid-card'],
  gym: ['sports-fitness', 'prepaid-card'],
  food: ['food'],
  wellness: ['food', 'tcm-wellness'],
  crafts: ['daily-goods'],
};

function categoriesFor(v) {
  let cats;
  switch (v.t) {
    case 'mall':
      cats = [...MALL_BASE, ...pickSome(MALL_EXTRA, 1, 3)];
      break;
    case 'scenic':
      cats = [...SCENIC_BASE, ...pickSome(SCENIC_EXTRA, 0, 2)];
      break;
    case 'community':
      cats = [...COMMUNITY_BASE, ...pickSome(COMMUNITY_EXTRA, 2, 3)];
      break;
    case 'platform':
      cats = [...PLATFORM_BASE, ...pickSome(PLATFORM_EXTRA, 1, 3)];
      break;
    case 'market': {
      const [base, extra, lo, hi] = MARKET[v.k];
      cats = [...base, ...pickSome(extra, lo, hi)];
      break;
    }
    case 'enterprise':
      cats = [...ENTERPRISE[v.k]];
      break;
    default:
      throw new Error(`unknown type ${v.t}`);
  }
  return sortCats(cats);
}
const sortCats = (cats) => [...new Set(cats)].sort((a, b) => CATEGORY_ORDER.get(a) - CATEGORY_ORDER.get(b));

const CAPACITY = {
  mall: [50, 75],
  platform: [55, 75],
  scenic: [30, 55],
  market: [25, 50],
  community: [20, 40],
  enterprise: [20, 40],
};
const DESK = {
  mall: '客服中心',
  scenic: '游客服务中心',
  market: '市场管理办公室',
  community: '党群服务中心',
  platform: '客户服务中心',
  enterprise: '客户服务部',
};

// ---------------------------------------------------------------------------
// Build
const usedPhones = new Set(REGULATORS.map((r) => r.phone));
function phoneFor(prefix) {
  for (;;) {
    let n = prefix;
    while (n.length < 7) n += String(randInt(n.length === prefix.length ? 1 : 0, 9));
    const p = `0635-${n}`;
    if (!usedPhones.has(p)) {
      usedPhones.add(p);
      return p;
    }
  }
}

const venues = [];
const stations = [];
for (const area of AREAS) {
  const specs = [
    ...area.named.map((v) => ({ ...v, named: true })),
    ...area.communities.map(([sub, community]) => ({
      t: 'community',
      name: `${community}一刻钟便民生活圈`,
      sub,
      community,
      named: false,
    })),
    ...area.venues.map((v) => ({ ...v, named: false })),
  ];
  const fullArea = area.addr ?? area.name;
  specs.forEach((v, i) => {
    const seq = String(i + 1).padStart(3, '0');
    const sub = v.sub ?? pick(area.subs);
    const tail = v.place ?? `${v.road ?? pick(area.roads)}${randInt(1, 299)}号`;
    const address = `${CITY_ADDR}${fullArea}${sub}${tail}`;
    const lat = round6(v.lat ?? area.lat + (rand() * 2 - 1) * area.radius);
    const lng = round6(v.lng ?? area.lng + (rand() * 2 - 1) * area.radius * 1.2);
    const venueCode = `V-${area.code}-${seq}`;
    venues.push({ code: venueCode, name: v.name, type: v.t, areaCode: area.code, address, lat, lng, named: v.named });

    const cats = v.cats ? sortCats(v.cats) : categoriesFor(v);
    const [cLo, cHi] = CAPACITY[v.t];
    stations.push({
      code: `ST-${area.code}-${seq}`,
      name: `${v.name}消费维权服务站`,
      type: v.t,
      areaCode: area.code,
      venueCode,
      address: `${address}${DESK[v.t]}`,
      lat,
      lng,
      categories: cats,
      capacity: v.cap ?? randInt(cLo, cHi),
      active: true,
      phone: phoneFor(area.phone),
    });
  });
}

// ---------------------------------------------------------------------------
// Validate (throws on any inconsistency)
function validate() {
  const fail = (m) => {
    throw new Error(`seed validation failed: ${m}`);
  };
  const areaCodes = new Set(AREAS.map((a) => a.code));
  if (areaCodes.size !== 11) fail('expected 11 areas');
  if (stations.length !== 191) fail(`expected 191 stations, got ${stations.length}`);
  const catCodes = new Set(CATEGORIES.map((c) => c.code));
  const regCodes = new Set(REGULATORS.map((r) => r.code));
  for (const c of CATEGORIES) if (c.regulatorCode && !regCodes.has(c.regulatorCode)) fail(`regulator ${c.regulatorCode}`);
  for (const r of REGULATORS) if (r.areaCode && !areaCodes.has(r.areaCode)) fail(`regulator area ${r.areaCode}`);
  const uniq = (arr, what) => {
    if (new Set(arr).size !== arr.length) fail(`duplicate ${what}`);
  };
  uniq(
    venues.map((v) => v.code),
    'venue code',
  );
  uniq(
    venues.map((v) => v.name),
    'venue name',
  );
  uniq(
    stations.map((s) => s.code),
    'station code',
  );
  uniq(
    stations.map((s) => s.name),
    'station name',
  );
  uniq([...stations.map((s) => s.phone), ...REGULATORS.map((r) => r.phone)], 'phone');
  const venueByCode = new Map(venues.map((v) => [v.code, v]));
  const perArea = {};
  for (const s of stations) {
    perArea[s.areaCode] = (perArea[s.areaCode] ?? 0) + 1;
    if (!s.active) fail(`${s.code} inactive`);
    if (s.categories.includes('telecom')) fail(`${s.code} has telecom`);
    for (const c of s.categories) if (!catCodes.has(c)) fail(`${s.code} category ${c}`);
    if (s.capacity < 20 || s.capacity > 80) fail(`${s.code} capacity`);
    if (!/^0635-\d{7}$/.test(s.phone)) fail(`${s.code} phone`);
    if (s.venueCode) {
      const v = venueByCode.get(s.venueCode);
      if (!v) fail(`${s.code} venue ${s.venueCode}`);
      if (v.areaCode !== s.areaCode) fail(`${s.code} venue area`);
      if (Math.abs(v.lat - s.lat) > 0.08 || Math.abs(v.lng - s.lng) > 0.08) fail(`${s.code} far from venue`);
    }
  }
  for (const [code, n] of Object.entries(EXPECTED_STATIONS)) if (perArea[code] !== n) fail(`area ${code}: ${perArea[code]} != ${n}`);
  for (const v of [...venues, ...stations]) {
    if (v.lat < 35.9 || v.lat > 37.1 || v.lng < 115.2 || v.lng > 116.6) fail(`${v.code} coordinates`);
  }
  for (const v of venues.filter((x) => x.named)) {
    if (stations.filter((s) => s.venueCode === v.code).length !== 1) fail(`named venue ${v.name} station count`);
  }
  if (stations.filter((s) => s.type === 'community').length < 35) fail('fewer than 35 community stations');
}
validate();

// ---------------------------------------------------------------------------
// Output
const outputs = {
  'areas.json': {
    note: NOTE,
    areas: AREAS.map(({ code, name, kind, lat, lng }) => ({ code, name, kind, lat, lng })),
  },
  'regulators.json': { note: NOTE, regulators: REGULATORS },
  'categories.json': { note: NOTE, categories: CATEGORIES },
  'venues.json': { note: NOTE, venues },
  'stations.json': { note: NOTE, stations },
};

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, data] of Object.entries(outputs)) {
  const text = `${JSON.stringify(data, null, 2)}\n`;
  const path = join(SEEDS_DIR, file);
  if (check) {
    let current = null;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      /* missing */
    }
    if (current !== text) {
      stale++;
      console.error(`stale: seeds/${file}`);
    }
  } else {
    writeFileSync(path, text, 'utf8');
    console.log(`wrote seeds/${file}`);
  }
}
if (check) {
  if (stale) process.exit(1);
  console.log('seed files are up to date');
}
