package com.tiercrm.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The words synthetic customers are made of: names in Chinese and English, regions with
 * their provinces and cities, industries and channels. Codes are stable identifiers; the
 * Chinese and English words are data, as a real customer list would hold them.
 */
final class Vocabulary {

	private Vocabulary() {
	}

	/** A Chinese word with the pinyin used for e-mail addresses and web domains. */
	record Word(String hanzi, String pinyin) {

	}

	/** A region code with its share of customers and its provinces. */
	record Region(String code, double weight, List<Province> provinces) {

	}

	/** A province (or municipality) with its cities; the first city is the capital. */
	record Province(String name, List<Word> cities) {

	}

	/** An industry code with the words a company name of that industry uses. */
	record Industry(String code, List<String> chineseWords, String englishWord) {

	}

	static final List<Region> REGIONS = List.of(
			region("EAST", 0.32, province("上海", "上海:shanghai"),
					province("江苏", "南京:nanjing", "苏州:suzhou", "无锡:wuxi", "常州:changzhou"),
					province("浙江", "杭州:hangzhou", "宁波:ningbo", "温州:wenzhou", "绍兴:shaoxing"),
					province("山东", "济南:jinan", "青岛:qingdao", "烟台:yantai"), province("安徽", "合肥:hefei", "芜湖:wuhu"),
					province("福建", "福州:fuzhou", "厦门:xiamen", "泉州:quanzhou"), province("江西", "南昌:nanchang")),
			region("NORTH", 0.16, province("北京", "北京:beijing"), province("天津", "天津:tianjin"),
					province("河北", "石家庄:shijiazhuang", "唐山:tangshan", "保定:baoding"), province("山西", "太原:taiyuan"),
					province("内蒙古", "呼和浩特:huhehaote", "包头:baotou")),
			region("SOUTH", 0.20,
					province("广东", "广州:guangzhou", "深圳:shenzhen", "东莞:dongguan", "佛山:foshan", "珠海:zhuhai"),
					province("广西", "南宁:nanning", "桂林:guilin"), province("海南", "海口:haikou", "三亚:sanya")),
			region("CENTRAL", 0.12, province("河南", "郑州:zhengzhou", "洛阳:luoyang"),
					province("湖北", "武汉:wuhan", "宜昌:yichang", "襄阳:xiangyang"),
					province("湖南", "长沙:changsha", "株洲:zhuzhou")),
			region("SOUTHWEST", 0.10, province("四川", "成都:chengdu", "绵阳:mianyang"), province("重庆", "重庆:chongqing"),
					province("云南", "昆明:kunming", "大理:dali"), province("贵州", "贵阳:guiyang"), province("西藏", "拉萨:lasa")),
			region("NORTHWEST", 0.05, province("陕西", "西安:xian", "宝鸡:baoji"), province("甘肃", "兰州:lanzhou"),
					province("青海", "西宁:xining"), province("宁夏", "银川:yinchuan"), province("新疆", "乌鲁木齐:wulumuqi")),
			region("NORTHEAST", 0.05, province("辽宁", "沈阳:shenyang", "大连:dalian"), province("吉林", "长春:changchun"),
					province("黑龙江", "哈尔滨:haerbin", "大庆:daqing")));

	static final List<Industry> INDUSTRIES = List.of(industry("RETAIL", "Trading", "贸易", "商贸", "百货"),
			industry("MANUFACTURING", "Manufacturing", "机械制造", "电子", "精密工业"),
			industry("PHARMA", "Pharmaceutical", "医药", "生物科技", "药业"), industry("IT", "Technology", "科技", "信息技术", "软件"),
			industry("FINANCE", "Capital", "投资", "金融服务"), industry("EDUCATION", "Education", "教育科技", "培训"),
			industry("LOGISTICS", "Logistics", "物流", "供应链管理"), industry("FOOD", "Foods", "食品", "餐饮管理"),
			industry("CONSTRUCTION", "Construction", "建设工程", "建材"),
			industry("AUTOMOTIVE", "Automotive", "汽车销售", "汽车配件"));

	static final List<String> ONLINE_CHANNELS = List.of("TMALL", "JD", "WEBSITE", "WECHAT_MINI");

	static final List<String> OFFLINE_CHANNELS = List.of("STORE", "TRADE_SHOW", "REFERRAL");

	static final List<Word> SURNAMES = words("王:wang", "李:li", "张:zhang", "刘:liu", "陈:chen", "杨:yang", "黄:huang",
			"赵:zhao", "吴:wu", "周:zhou", "徐:xu", "孙:sun", "马:ma", "朱:zhu", "胡:hu", "郭:guo", "何:he", "林:lin", "高:gao",
			"罗:luo", "郑:zheng", "梁:liang", "谢:xie", "宋:song", "唐:tang", "许:xu", "韩:han", "冯:feng", "邓:deng", "曹:cao");

	static final List<Word> MALE_GIVEN = words("伟:wei", "强:qiang", "磊:lei", "军:jun", "洋:yang", "勇:yong", "杰:jie",
			"涛:tao", "明:ming", "超:chao", "刚:gang", "鹏:peng", "浩:hao", "宇:yu", "俊杰:junjie", "思远:siyuan", "建国:jianguo",
			"志强:zhiqiang", "子轩:zixuan", "文博:wenbo");

	static final List<Word> FEMALE_GIVEN = words("芳:fang", "娜:na", "敏:min", "静:jing", "丽:li", "艳:yan", "娟:juan",
			"秀英:xiuying", "霞:xia", "桂英:guiying", "婷:ting", "玲:ling", "欣:xin", "子涵:zihan", "梓萱:zixuan", "雪:xue",
			"晶:jing", "慧:hui", "雨桐:yutong", "佳怡:jiayi");

	static final List<String> ENGLISH_MALE = List.of("Liam", "Noah", "James", "Lucas", "David", "Kevin", "Jason",
			"Tony", "Michael", "Eric", "Jack", "Daniel", "Henry", "Leo");

	static final List<String> ENGLISH_FEMALE = List.of("Emma", "Olivia", "Sophia", "Mia", "Grace", "Cindy", "Amy",
			"Linda", "Sarah", "Vivian", "Lily", "Chloe", "Helen", "Ivy");

	static final List<String> ENGLISH_SURNAMES = List.of("Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Huang", "Zhao",
			"Wu", "Zhou", "Lin", "Smith", "Brown", "Wilson", "Taylor", "Lee", "Chan", "Wong", "Miller", "Garcia");

	static final List<Word> BRANDS = words("华联:hualian", "恒信:hengxin", "鑫源:xinyuan", "东方:dongfang", "金桥:jinqiao",
			"宏达:hongda", "新世纪:xinshiji", "瑞丰:ruifeng", "天成:tiancheng", "万通:wantong", "中和:zhonghe", "嘉禾:jiahe",
			"远航:yuanhang", "盛世:shengshi", "永安:yongan", "博远:boyuan", "启明:qiming", "汇通:huitong", "星河:xinghe",
			"锦程:jincheng");

	static final List<String> COMPANY_SUFFIXES = List.of("有限公司", "有限公司", "股份有限公司", "集团有限公司");

	static final List<String> ENGLISH_BRANDS = List.of("Northwind", "Bluestone", "Golden Bridge", "Evergreen", "Summit",
			"Pacific", "Redwood", "Silverline", "Harbor", "Orient", "Jade River", "Lotus", "Crescent", "Greenfield");

	static final List<String> ENGLISH_SUFFIXES = List.of("Ltd.", "Co., Ltd.", "Inc.", "Group");

	static final List<String> PERSONAL_MAIL = List.of("qq.com", "163.com", "126.com", "sina.com", "foxmail.com");

	static final List<String> GLOBAL_MAIL = List.of("gmail.com", "outlook.com", "hotmail.com", "icloud.com");

	static final List<String> MAILBOXES = List.of("info", "sales", "contact", "service", "purchase");

	static final int[] PHONE_PREFIXES = { 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155,
			156, 157, 158, 159, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189 };

	static final String[] AGE_BANDS = { "18-24", "25-34", "35-44", "45-54", "55+" };

	static final double[] AGE_WEIGHTS = { 0.15, 0.32, 0.26, 0.16, 0.11 };

	static final String[] INCOME_BANDS = { "LOW", "MIDDLE", "HIGH" };

	static final double[] INCOME_WEIGHTS = { 0.30, 0.50, 0.20 };

	static final List<String> OCCUPATIONS = List.of("OFFICE_WORKER", "PROFESSIONAL", "MANAGER", "CIVIL_SERVANT",
			"TEACHER", "MEDICAL", "SELF_EMPLOYED", "FREELANCER", "WORKER");

	static <T> T pick(List<T> items, SplittableRandom random) {
		return items.get(random.nextInt(items.size()));
	}

	static int pick(double[] weights, SplittableRandom random) {
		double x = random.nextDouble();
		for (int i = 0; i < weights.length - 1; i++) {
			x -= weights[i];
			if (x < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private static Region region(String code, double weight, Province... provinces) {
		return new Region(code, weight, List.of(provinces));
	}

	private static Province province(String name, String... cities) {
		return new Province(name, words(cities));
	}

	private static Industry industry(String code, String englishWord, String... chineseWords) {
		return new Industry(code, List.of(chineseWords), englishWord);
	}

	private static List<Word> words(String... pairs) {
		return java.util.Arrays.stream(pairs).map((pair) -> {
			int colon = pair.indexOf(':');
			return new Word(pair.substring(0, colon), pair.substring(colon + 1));
		}).toList();
	}

}
