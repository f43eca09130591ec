/*
 * demo_names.c -- word tables for the synthetic caseload (demo_gen.c).
 *
 * Surname weights are per 10,000 people, after the 2020 census ranking,
 * nudged towards Chongqing (more 罗 谭 唐 冉 向 牟, fewer 林).  A few
 * surnames whose reading differs from the character's common one (单 曾
 * 仇 解 区 查 朴 盖 缪 翟 覃) and some compound surnames are included
 * so that pinyin search gets exercised.  District codes and names are the
 * NBS 2023 statistical division codes (data/cq_districts.csv).
 */
#include "config.h"

#include "app/demo_names.h"

const struct demo_weighted demo_surnames[] = {
	{ "王", 710 }, { "李", 700 }, { "张", 670 }, { "刘", 540 }, { "陈", 460 },
	{ "杨", 310 }, { "黄", 240 }, { "赵", 230 }, { "吴", 200 }, { "周", 190 },
	{ "徐", 150 }, { "孙", 150 }, { "马", 120 }, { "朱", 120 }, { "胡", 110 },
	{ "郭", 110 }, { "何", 120 }, { "林", 50 }, { "高", 90 }, { "罗", 140 },
	{ "郑", 80 }, { "梁", 80 }, { "谢", 90 }, { "宋", 60 }, { "唐", 110 },
	{ "许", 60 }, { "韩", 50 }, { "冯", 60 }, { "邓", 100 }, { "曹", 50 },
	{ "彭", 80 }, { "曾", 70 }, { "肖", 60 }, { "田", 60 }, { "董", 40 },
	{ "袁", 60 }, { "潘", 30 }, { "于", 30 }, { "蒋", 50 }, { "蔡", 30 },
	{ "余", 60 }, { "杜", 40 }, { "叶", 30 }, { "程", 30 }, { "苏", 30 },
	{ "魏", 30 }, { "吕", 30 }, { "丁", 30 }, { "任", 40 }, { "沈", 20 },
	{ "姚", 30 }, { "卢", 30 }, { "姜", 20 }, { "崔", 20 }, { "钟", 40 },
	{ "谭", 80 }, { "陆", 20 }, { "汪", 20 }, { "范", 30 }, { "金", 20 },
	{ "石", 30 }, { "廖", 50 }, { "贾", 20 }, { "夏", 30 }, { "韦", 20 },
	{ "付", 40 }, { "方", 20 }, { "白", 20 }, { "邹", 30 }, { "孟", 20 },
	{ "熊", 40 }, { "秦", 30 }, { "邱", 20 }, { "江", 20 }, { "尹", 20 },
	{ "薛", 10 }, { "闫", 10 }, { "段", 20 }, { "雷", 30 }, { "侯", 20 },
	{ "龙", 30 }, { "史", 10 }, { "陶", 20 }, { "黎", 20 }, { "贺", 20 },
	{ "顾", 10 }, { "毛", 20 }, { "郝", 10 }, { "龚", 30 }, { "邵", 10 },
	{ "万", 20 }, { "钱", 10 }, { "严", 10 }, { "覃", 10 }, { "武", 10 },
	{ "戴", 20 }, { "莫", 10 }, { "孔", 10 }, { "向", 40 }, { "汤", 10 },
	{ "冉", 30 }, { "牟", 20 }, { "况", 10 }, { "游", 10 }, { "蒲", 10 },
	{ "单", 8 }, { "仇", 5 }, { "解", 6 }, { "区", 3 }, { "查", 3 },
	{ "朴", 2 }, { "盖", 3 }, { "缪", 3 }, { "翟", 5 },
	{ "欧阳", 5 }, { "司马", 2 }, { "上官", 1 }, { "诸葛", 1 },
};
const size_t demo_nsurnames = sizeof demo_surnames / sizeof demo_surnames[0];

static const char *const demo_male_chars[] = {
	"伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明",
	"刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宇", "浩",
	"凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "阳",
	"建", "国", "文", "志", "海", "峰", "亮", "东", "兵", "力",
	"成", "云", "德", "红", "春", "庆", "川", "渝", "江", "山",
	"晓", "小", "家", "子", "天", "永", "长", "中", "福", "祥",
	"博", "睿", "轩", "航", "宏", "毅", "洋", "然", "诚", "勤",
};

static const char *const demo_female_chars[] = {
	"芳", "娟", "敏", "静", "丽", "燕", "艳", "霞", "玲", "婷",
	"雪", "琴", "萍", "红", "梅", "英", "兰", "华", "莉", "秀",
	"倩", "慧", "丹", "露", "洁", "欣", "颖", "佳", "琳", "蓉",
	"雨", "晓", "小", "春", "桂", "凤", "玉", "美", "怡", "月",
	"淑", "珍", "菊", "莹", "妍", "璐", "瑶", "思", "梦", "诗",
	"晶", "琼", "素", "巧", "碧", "云", "秋", "冬", "蕾", "悦",
};

const struct demo_words demo_given_male = {
	demo_male_chars, sizeof demo_male_chars / sizeof demo_male_chars[0]
};
const struct demo_words demo_given_female = {
	demo_female_chars, sizeof demo_female_chars / sizeof demo_female_chars[0]
};

const struct demo_district demo_districts[] = {
	{ "500101", "万州区", 0, 0 }, { "500102", "涪陵区", 0, 0 },
	{ "500103", "渝中区", 0, 0 }, { "500104", "大渡口区", 0, 0 },
	{ "500105", "江北区", 0, 0 }, { "500106", "沙坪坝区", 0, 0 },
	{ "500107", "九龙坡区", 0, 0 }, { "500108", "南岸区", 0, 0 },
	{ "500109", "北碚区", 0, 0 }, { "500110", "綦江区", 0, 0 },
	{ "500111", "大足区", 0, 0 }, { "500112", "渝北区", 0, 0 },
	{ "500113", "巴南区", 0, 0 }, { "500114", "黔江区", 1, 0 },
	{ "500115", "长寿区", 0, 0 }, { "500116", "江津区", 0, 0 },
	{ "500117", "合川区", 0, 0 }, { "500118", "永川区", 0, 0 },
	{ "500119", "南川区", 0, 0 }, { "500120", "璧山区", 0, 0 },
	{ "500151", "铜梁区", 0, 0 }, { "500152", "潼南区", 0, 0 },
	{ "500153", "荣昌区", 0, 0 }, { "500154", "开州区", 0, 0 },
	{ "500155", "梁平区", 0, 0 }, { "500156", "武隆区", 0, 0 },
	{ "500229", "城口县", 0, 1 }, { "500230", "丰都县", 0, 1 },
	{ "500231", "垫江县", 0, 1 }, { "500233", "忠县", 0, 1 },
	{ "500235", "云阳县", 0, 1 }, { "500236", "奉节县", 0, 1 },
	{ "500237", "巫山县", 0, 1 }, { "500238", "巫溪县", 0, 1 },
	{ "500240", "石柱土家族自治县", 1, 1 }, { "500241", "秀山土家族苗族自治县", 1, 1 },
	{ "500242", "酉阳土家族苗族自治县", 1, 1 }, { "500243", "彭水苗族土家族自治县", 1, 1 },
};
const size_t demo_ndistricts = sizeof demo_districts / sizeof demo_districts[0];

static const char *const demo_road_list[] = {
	"解放路", "民生路", "中山路", "人民路", "建设路", "新华路", "胜利路", "滨江路",
	"学府大道", "金开大道", "龙湖路", "红旗路", "团结路", "和平路", "朝阳路", "健康路",
	"文化路", "育才路", "长江路", "嘉陵路", "南坪路", "杨家坪正街", "观音桥步行街", "沙南街",
	"光华路", "新村路", "工业园路", "兴隆街", "凤鸣路", "石油路",
};
const struct demo_words demo_roads = {
	demo_road_list, sizeof demo_road_list / sizeof demo_road_list[0]
};

static const char *const demo_town_list[] = {
	"龙溪", "石桥", "白沙", "青龙", "太和", "双河", "永兴", "新华", "高峰", "大坪",
	"桂花", "柏林", "黄桷", "石板", "金竹", "三合", "回龙", "观音", "天星", "向阳",
};
const struct demo_words demo_towns = {
	demo_town_list, sizeof demo_town_list / sizeof demo_town_list[0]
};

static const char *const demo_firm_stem_list[] = {
	"渝兴", "山城", "嘉陵", "长江", "两江", "巴渝", "朝天门", "金佛山", "缙云", "江州",
	"鑫达", "华宇", "恒通", "宏远", "盛达", "渝鑫", "瑞丰", "德润", "顺捷", "兴旺",
};
const struct demo_words demo_firm_stems = {
	demo_firm_stem_list, sizeof demo_firm_stem_list / sizeof demo_firm_stem_list[0]
};

static const char *const demo_firm_trade_list[] = {
	"物流", "商贸", "餐饮管理", "物业管理", "建筑工程", "机械制造", "电子科技", "家政服务",
	"汽车配件", "食品", "保安服务", "网络科技", "医药连锁", "服装", "摩托车制造", "火锅",
};
const struct demo_words demo_firm_trades = {
	demo_firm_trade_list, sizeof demo_firm_trade_list / sizeof demo_firm_trade_list[0]
};

static const char *const demo_firm_suffix_list[] = {
	"有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司",
};
const struct demo_words demo_firm_suffixes = {
	demo_firm_suffix_list, sizeof demo_firm_suffix_list / sizeof demo_firm_suffix_list[0]
};

static const char *const demo_occupation_list[] = {
	"普工", "保洁员", "营业员", "厨师", "收银员", "快递员", "驾驶员", "电工",
	"焊工", "保安员", "仓管员", "文员", "服务员", "会计", "销售员", "养老护理员",
	"家政服务员", "装配工", "质检员", "客服专员",
};
const struct demo_words demo_occupations = {
	demo_occupation_list, sizeof demo_occupation_list / sizeof demo_occupation_list[0]
};

static const char *const demo_platform_list[] = {
	"美团外卖配送", "饿了么配送", "滴滴网约车", "货拉拉搬运", "零工市场临时用工", "家政钟点工",
};
const struct demo_words demo_platforms = {
	demo_platform_list, sizeof demo_platform_list / sizeof demo_platform_list[0]
};

static const char *const demo_public_post_list[] = {
	"社区保洁员", "护路员", "社区协管员", "治安巡逻员", "河道巡查员", "就业服务协理员",
};
const struct demo_words demo_public_posts = {
	demo_public_post_list, sizeof demo_public_post_list / sizeof demo_public_post_list[0]
};

static const char *const demo_school_list[] = {
	"重庆大学", "西南大学", "重庆邮电大学", "重庆交通大学", "重庆师范大学", "重庆工商大学",
	"重庆理工大学", "重庆医科大学", "长江师范学院", "重庆电子工程职业学院", "重庆工业职业技术学院",
	"重庆城市管理职业学院",
};
const struct demo_words demo_schools = {
	demo_school_list, sizeof demo_school_list / sizeof demo_school_list[0]
};
