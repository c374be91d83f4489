/** Who the 行政相对人 is, as far as the name tells. */

/** Words in the names of 法人 and 其他组织 (companies, shops, co-operatives, institutions …). */
const ORGANISATION = /公司|厂|店|铺|站|部|中心|合作社|协会|学校|幼儿园|医院|诊所|卫生院|超市|市场|餐馆|饭店|酒店|宾馆|旅馆|食堂|网吧|馆|库|行$|社$|所$|院$|场$|队$|委员会|集团|企业|工作室|经营户|个体工商户|商户|门市|摊|作坊|村委|居委|单位|局$|办$/;
/** `张某`, `张某某`, `张X`. */
const ANONYMISED = /^[\u3400-\u4dbf\u4e00-\u9fff]{1,2}某{1,2}$|^[\u3400-\u4dbf\u4e00-\u9fff][xX×＊*]{1,2}$/;
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const NAME = /^[\u3400-\u4dbf\u4e00-\u9fff]{2,3}$/;

/** A citizen (公民) by the name (`张三`, `张某某`): true; an organisation: false; null when the name does not tell. */
export function isCitizen(name: string): boolean | null {
  const t = name.replace(/[\s\u3000]/g, '').replace(/[（(][^）)]*[）)]$/, '');
  if (!t) return null;
  if (ORGANISATION.test(t)) return false;
  if (ANONYMISED.test(t) || (NAME.test(t) && SURNAMES.includes(t[0]))) return true;
  return null;
}
