#include <doctest/doctest.h>

#include <reportex/document.hpp>

#include "text/normalizer.hpp"
#include "text/utf8.hpp"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

using reportex::CivilDate;
using reportex::Document;
using reportex::DocumentOptions;
using reportex::Span;
using namespace std::string_literals;

namespace {

Document read(std::string bytes, std::string encoding = "auto") {
  DocumentOptions options;
  options.encoding = std::move(encoding);
  return Document::from_bytes("test", std::move(bytes), options);
}

std::string normalized(std::string bytes) { return read(std::move(bytes)).text(); }

// Converts UTF-8 test text to another encoding with ICU.
std::string encode(std::string_view utf8, const char* encoding) {
  UErrorCode error = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t length = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                      static_cast<int32_t>(utf8.size()), &error);
  REQUIRE(U_SUCCESS(error));
  out.resize(static_cast<std::size_t>(length));
  return out;
}

std::string nfkc(std::string_view utf8) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCInstance(error);
  REQUIRE(U_SUCCESS(error));
  std::string out;
  normalizer->normalize(icu::UnicodeString::fromUTF8(utf8), error).toUTF8String(out);
  REQUIRE(U_SUCCESS(error));
  return out;
}

// NFKC form of `utf8` without white space and without the invisible
// characters the normalizer drops: what a span must agree on in both texts.
std::string comparable(std::string_view utf8) {
  const std::string folded = nfkc(utf8);
  std::string out;
  for (std::size_t pos = 0; pos < folded.size();) {
    const auto ch = reportex::internal::text::decode_utf8(folded, pos);
    const char32_t c = ch.code_point;
    const bool invisible = c <= 0x20 || c == 0x7F || c == 0xA0 || c == 0x3000 || c == 0xFEFF || c == 0x200B ||
                           c == 0x2028 || c == 0x2029;
    if (!invisible) out.append(folded, pos, ch.length);
    pos += ch.length;
  }
  return out;
}

std::size_t count_of(std::string_view text, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t pos = text.find(needle); pos != std::string_view::npos; pos = text.find(needle, pos + 1)) ++count;
  return count;
}

std::vector<std::size_t> char_boundaries(std::string_view text) {
  std::vector<std::size_t> boundaries;
  for (std::size_t pos = 0; pos < text.size(); pos += reportex::internal::text::decode_utf8(text, pos).length) {
    boundaries.push_back(pos);
  }
  boundaries.push_back(text.size());
  return boundaries;
}

// Checks every span between character boundaries of text(): its source has
// the same characters once white space is removed and both are NFKC-folded,
// and its source never starts or ends with white space.
void check_round_trips(const Document& doc) {
  const std::string& text = doc.text();
  const std::string& original = doc.original();
  const std::vector<std::size_t> boundaries = char_boundaries(text);
  for (std::size_t i = 0; i + 1 < boundaries.size(); ++i) {
    for (std::size_t j = i + 1; j < boundaries.size(); ++j) {
      const Span span{boundaries[i], boundaries[j]};
      const std::string_view piece = std::string_view(text).substr(span.begin, span.size());
      if (comparable(piece).empty()) continue;  // only a kept space or break
      const Span source = doc.original_span(span);
      REQUIRE(source.begin < source.end);
      REQUIRE(source.end <= original.size());
      const std::string_view source_text = std::string_view(original).substr(source.begin, source.size());
      INFO("normalized: ", piece, " | source: ", source_text);
      CHECK(comparable(source_text) == comparable(piece));
      // Kept spaces and breaks map to white space; every other edge must not.
      if (piece.front() != ' ' && piece.front() != '\n') CHECK(comparable(source_text.substr(0, 1)) != "");
      if (piece.back() != ' ' && piece.back() != '\n') CHECK(comparable(source_text.substr(source_text.size() - 1)) != "");
    }
  }
}

}  // namespace

TEST_SUITE("document") {

TEST_CASE("CivilDate parses only real days and prints them back") {
  CHECK(CivilDate::parse("2024-02-29").has_value());
  CHECK_FALSE(CivilDate::parse("2025-02-29").has_value());
  CHECK_FALSE(CivilDate::parse("1900-02-29").has_value());
  CHECK(CivilDate::parse("2000-02-29").has_value());
  CHECK_FALSE(CivilDate::parse("2025-04-31").has_value());
  CHECK_FALSE(CivilDate::parse("2025-13-01").has_value());
  CHECK_FALSE(CivilDate::parse("2025-00-10").has_value());
  CHECK_FALSE(CivilDate::parse("2025-1-05").has_value());
  CHECK_FALSE(CivilDate::parse("2025-01-05 ").has_value());
  CHECK_FALSE(CivilDate::parse("2025/01/05").has_value());
  CHECK_FALSE(CivilDate::parse("").has_value());
  const auto date = CivilDate::parse("2025-12-31");
  REQUIRE(date.has_value());
  CHECK(date->year == 2025);
  CHECK(date->month == 12);
  CHECK(date->day == 31);
  CHECK(date->to_string() == "2025-12-31");
  CHECK(CivilDate{987, 3, 4}.to_string() == "0987-03-04");
  CHECK(CivilDate{2025, 1, 2} < CivilDate{2025, 2, 1});
}

TEST_CASE("white space inside CJK text and between CJK text and digits is removed") {
  CHECK(normalized("截至 2025 年底") == "截至2025年底");
  CHECK(normalized("共受理 4127 件") == "共受理4127件");
  CHECK(normalized("执 行 干 警") == "执行干警");
  CHECK(normalized("鄂尔多斯市东胜\n区人民检察院") == "鄂尔多斯市东胜区人民检察院");
  CHECK(normalized("3.2 审限内结案率") == "3.2审限内结案率");
  CHECK(normalized("上升\t 12.5%") == "上升12.5%");
  CHECK(normalized("全院\xC2\xA0干警") == "全院干警");      // NBSP
  CHECK(normalized("办结\xE2\x80\x83案件") == "办结案件");  // EM SPACE
}

TEST_CASE("a white space run between ASCII letters or digits keeps one space") {
  CHECK(normalized("Supreme   People's\nCourt") == "Supreme People's Court");
  CHECK(normalized("2024  2025") == "2024 2025");
  CHECK(normalized("ISO 9001 认证") == "ISO 9001认证");
  CHECK(normalized("A\xE3\x80\x80" "B") == "A B");  // ideographic space between letters
}

TEST_CASE("an ideographic space after a figure separates a table's cells") {
  // A data table's row: each cell's figure stands apart from the next cell's label.
  CHECK(normalized("刑事案件\u3000收案６１２件\u3000结案５７４件") == "刑事案件收案612件 结案574件");
  CHECK(normalized("执行到位金额２．３７亿元\u3000同比上升") == "执行到位金额2.37亿元 同比上升");
  CHECK(normalized("结收比９３．０４％\u3000\u3000较去年同期提高") == "结收比93.04% 较去年同期提高");
  // Not after a figure, nor a plain space after one: removed as before.
  CHECK(normalized("本报讯\u30007月3日") == "本报讯7月3日");
  CHECK(normalized("部署会\u3000吹响冲锋号") == "部署会吹响冲锋号");
  // A day is no figure: a chronicle's entry goes on after it.
  CHECK(normalized("1月8日\u3000市中院召开党组会议") == "1月8日市中院召开党组会议");
  CHECK(normalized("受理案件612件 审结580件") == "受理案件612件审结580件");
  CHECK(normalized("共审结案件\u3000３５５１\u3000件") == "共审结案件3551件");
}

TEST_CASE("a space grouping thousands in a number of Chinese text is removed") {
  CHECK(normalized("受理案件1 042件") == "受理案件1042件");
  CHECK(normalized("共1 234 567元，金额3 033.28万元") == "共1234567元,金额3033.28万元");
  CHECK(normalized("清理2 600余吨") == "清理2600余吨");
  CHECK(normalized("评查案件１ ６４０件") == "评查案件1640件");  // full-width digits, spaced the same way
  // Not a thousands group: ASCII context, a group of other than three digits, a digit before a unit.
  CHECK(normalized("ISO 9001 2015") == "ISO 9001 2015");
  CHECK(normalized("编号12 34件") == "编号12 34件");
  CHECK(normalized("2025 年共 3551 件") == "2025年共3551件");
  // A space before the unit as well, and a figure card's line that opens with the number.
  CHECK(normalized("全年受理案件3 128 件") == "全年受理案件3128件");
  CHECK(normalized("【数读】\n\n3 128 件\n受理涉农案件") == "【数读】\n3128件受理涉农案件");
  CHECK(normalized("ISO 9001 2015 认证") == "ISO 9001 2015认证");
}

TEST_CASE("a line wrapped inside a number of Chinese text is joined") {
  CHECK(normalized("判处罪犯1\n389人") == "判处罪犯1389人");
  CHECK(normalized("审结刑事案件1 126\n件") == "审结刑事案件1126件");          // a group, then the wrap
  CHECK(normalized("审结案件2 100件，诉前调解成功纠纷２１ ４０８\n\n件，同比上升。") ==
        "审结案件2100件,诉前调解成功纠纷21408件,同比上升。");  // a group, then a page's end
  CHECK(normalized("今年以来，全市法院审结案件2 100件，诉前委派调解纠纷１７ ４\n\n\n３６件，同比上升。") ==
        "今年以来,全市法院审结案件2100件,诉前委派调解纠纷17436件,同比上升。");  // a page's end inside the group
  CHECK(normalized("审结民商事案件13 4\r\n57件") == "审结民商事案件13457件");  // the wrap inside the group
  CHECK(normalized("同比上升9.\n1%") == "同比上升9.1%");
  // ASCII context keeps its space; a blank line is a paragraph break.
  CHECK(normalized("version 2\n3") == "version 2 3");
  CHECK(normalized("共12\n\n34件") == "共12\n34件");
}

TEST_CASE("full-width and other compatibility characters are folded with NFKC") {
  CHECK(normalized("\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x98\xEF\xBC\x99") == "0189");  // ０１８９
  CHECK(normalized("结案率为９６．５％") == "结案率为96.5%");
  CHECK(normalized("一是，二是：（三）") == "一是,二是:(三)");
  CHECK(normalized("ＡＢＣ法院") == "ABC法院");
  CHECK(normalized("ＡＢ\xE3\x80\x80ＣＤ") == "AB CD");
  CHECK(normalized("标题\xE3\x80\x80正文") == "标题正文");
  CHECK(normalized("e\xCC\x81t\xC3\xA9") == "\xC3\xA9t\xC3\xA9");  // e + combining acute composes
  CHECK(normalized("\xE3\x88\xB1") == "(株)");                     // ㈱ expands
  CHECK(normalized("\xEF\xAC\x81le") == "file");                    // ﬁ ligature
  // Characters NFKC keeps: CJK punctuation and curly quotes.
  CHECK(normalized("“审判”、《条例》。") == "“审判”、《条例》。");
}

TEST_CASE("the bar ideograph 丨 of WeChat credits reads as |, and maps back to itself") {
  CHECK(normalized("编辑丨尹 露") == "编辑|尹露");
  const auto doc = Document::from_bytes("t.txt", "来源丨某县人民法院");
  const std::size_t bar = doc.text().find('|');
  REQUIRE(bar != std::string::npos);
  const Span source = doc.original_span({bar, bar + 1});
  CHECK(doc.original().substr(source.begin, source.size()) == "丨");
}

TEST_CASE("blank lines and line breaks after sentence ends become paragraph breaks") {
  CHECK(normalized("第一段文字\n\n第二段文字") == "第一段文字\n第二段文字");
  CHECK(normalized("第一段\r\n\r\n\r\n  \n第二段") == "第一段\n第二段");
  CHECK(normalized("工作取得实效。\n下一步") == "工作取得实效。\n下一步");
  CHECK(normalized("他表示：“坚决落实。”\n随后") == "他表示:“坚决落实。”\n随后");
  CHECK(normalized("效果如何？\r\n答复") == "效果如何?\n答复");
  // A semicolon ends a clause, not the paragraph: the sentence goes on on the next line.
  CHECK(normalized("一要抓落实；\n二要抓考核") == "一要抓落实;二要抓考核");
  CHECK(normalized("其中涉土楼保护案件49件；\n发出诉前检察建议102件。") == "其中涉土楼保护案件49件;发出诉前检察建议102件。");
  CHECK(normalized("案件受理\r\n情况") == "案件受理情况");  // CR LF is one line break
  CHECK(normalized("强化政治引领\n筑牢思想根基") == "强化政治引领筑牢思想根基");
  CHECK(normalized("段落一\xE2\x80\xA9段落二") == "段落一\n段落二");  // PARAGRAPH SEPARATOR
}

TEST_CASE("a blank line inside running text is a page break, after a title block it is a break") {
  CHECK(normalized("全年全院共受理各类案件2100件，审结各类案件2050件，同比上升百分之五，全院执行到位金额1.08亿\n\n元，结案率明显提升。") ==
        "全年全院共受理各类案件2100件,审结各类案件2050件,同比上升百分之五,全院执行到位金额1.08亿元,结案率明显提升。");
  // Shorter paragraphs of a web page, broken inside a word, before a number or inside one.
  CHECK(normalized("今年以来，该院向区综治中心、行业调解组织委派调\n\n解纠纷680件，调解成功率5\n\n7.85%，化解债务\n\n41.8亿元。") ==
        "今年以来,该院向区综治中心、行业调解组织委派调解纠纷680件,调解成功率57.85%,化解债务41.8亿元。");
  // Without a clause mark the line before is a title's, and its blank line a real break.
  CHECK(normalized("该院向区综治中心、行业调解组织委派调解工作情况\n\n解纠纷680件。") ==
        "该院向区综治中心、行业调解组织委派调解工作情况\n解纠纷680件。");
  CHECK(normalized("人民日报、新华社、广西日报等媒体参加，涉外审判白皮书及人民日报、\n\n新华社的报道") ==
        "人民日报、新华社、广西日报等媒体参加,涉外审判白皮书及人民日报、新华社的报道");
  CHECK(normalized("全市法院共受理涉企案件35648件，审结32907件，结案率92.\n\n31%，同比提高3.6个百分点。") ==
        "全市法院共受理涉企案件35648件,审结32907件,结案率92.31%,同比提高3.6个百分点。");
  CHECK(normalized("立案429件，受理线索687条，同比分别上升16.4%\n\n和9.8%；发出检察建议273件。") ==
        "立案429件,受理线索687条,同比分别上升16.4%和9.8%;发出检察建议273件。");
  // An enumeration goes on across the break, however short the line it broke.
  CHECK(normalized("颁奖。\n大会由院党组副书记、\n\n\n副院长某某主持。") == "颁奖。\n大会由院党组副书记、副院长某某主持。");
  // A numbered heading after the blank line starts a paragraph of its own.
  CHECK(normalized("全年执结案件580件，执行到位金额3200万元，结案率明显\n\n二、存在的问题") ==
        "全年执结案件580件,执行到位金额3200万元,结案率明显\n二、存在的问题");
  CHECK(normalized("全年执结案件580件，执行到位金额3200万元，共计2\n\n3.下一步工作") ==
        "全年执结案件580件,执行到位金额3200万元,共计2\n3.下一步工作");
  const std::string title = "唐山市路北区人民法院工作报告\n——2025年1月9日在唐山市路北区第十七届人民代表大会第四次会议上";
  CHECK(normalized(title + "\n\n唐山市路北区人民法院院长郑凯华") ==
        "唐山市路北区人民法院工作报告——2025年1月9日在唐山市路北区第十七届人民代表大会第四次会议上\n唐山市路北区人民法院院长郑凯华");
}

TEST_CASE("a credit line after a blank line is a paragraph of its own, not text a page break cut") {
  CHECK(normalized("检察开放日｜走进检察院，感受法治的温度与力量\n\n文/图｜笪 玥") ==
        "检察开放日|走进检察院,感受法治的温度与力量\n文/图|笪玥");
  CHECK(normalized("检察开放日｜走进检察院，感受法治的温度与力量\n\n编辑：米 雪") ==
        "检察开放日|走进检察院,感受法治的温度与力量\n编辑:米雪");
  // Running text still goes on across the page.
  CHECK(normalized("该院今年以来共审结各类案件，同比上升\n\n明显") == "该院今年以来共审结各类案件,同比上升明显");
}

TEST_CASE("a page's section heading is a line of its own, an article's headline runs on into its subtitle") {
  CHECK(normalized("# 生态法治\n蜀山法治报\n2025年9月18日") == "#生态法治\n蜀山法治报2025年9月18日");
  CHECK(normalized("## 护航古城\n### 整治旅游乱象") == "##护航古城###整治旅游乱象");
}

TEST_CASE("a number alone on its line after a paragraph numbers a section: its title is a line of its own") {
  CHECK(normalized("群众心里踏实了。\n\n02\n部署会　吹响冲锋号\n\n该院召开部署会。") ==
        "群众心里踏实了。\n02\n部署会吹响冲锋号\n该院召开部署会。");
  CHECK(normalized("群众心里踏实了。\n\n04\n2025年，该院审结案件３５１件。") == "群众心里踏实了。\n04\n2025年,该院审结案件351件。");
  // A number wrapped inside running text stays in its sentence.
  CHECK(normalized("该院审结案件\n13\n457件。") == "该院审结案件13457件。");
}

TEST_CASE("a line whose short last field stands after an ideographic space ends its entry") {
  // A list of speakers, one a line: each name ends its line.
  CHECK(normalized("【发布人】\n江北县人民检察院检察长　余文涛\n青石县人民检察院检察官　才让东智\n") ==
        "【发布人】江北县人民检察院检察长余文涛\n青石县人民检察院检察官才让东智");
  // Credits, a name spaced inside, and a Uyghur name with its middle dot.
  CHECK(normalized("签发：欧阳文澜　　审核：卓 玛　　撰稿：苏 静\n━━━━━━\n") == "签发:欧阳文澜审核:卓玛撰稿:苏静\n━━━━━━");
  CHECK(normalized("主持人　艾力·买买提\n出席人员　才让东智\n") == "主持人艾力·买买提\n出席人员才让东智");
  // Running text goes on: no ideographic space, a long field, or a quotation left open.
  CHECK(normalized("该院召开\n推进会。") == "该院召开推进会。");
  CHECK(normalized("本报讯　12月8日上午，青石县人民法院召开\n全院大会。") == "本报讯12月8日上午,青石县人民法院召开全院大会。");
  CHECK(normalized("以“服务向海经济　护\n航边海发展”为主题") == "以“服务向海经济护航边海发展”为主题");
  // An indent is no column.
  CHECK(normalized("　　青石县人民法院\n召开大会。") == "青石县人民法院召开大会。");
  // An indented entry under a label's first one is one too.
  CHECK(normalized("答问人：江北县人民法院庭长　甘路\n　　　　青石县人民法院院长　冉一舟\n　　　　西岭县人民法院院长　蔺国华\n") ==
        "答问人:江北县人民法院庭长甘路\n青石县人民法院院长冉一舟\n西岭县人民法院院长蔺国华");
}

TEST_CASE("lines that each open with a label and a colon are fields of their own") {
  CHECK(normalized("企业代表：某公司法务主管锁玲\n律师代表：某律师事务所律师哈蕾\n") ==
        "企业代表:某公司法务主管锁玲\n律师代表:某律师事务所律师哈蕾");
  // A running line that a label's line wraps into goes on; so does a line before a bar.
  CHECK(normalized("企业代表：某公司法务\n主管锁玲\n") == "企业代表:某公司法务主管锁玲");
  CHECK(normalized("某县法院：上半年数据出炉\n岱海亮剑丨首日出击\n") == "某县法院:上半年数据出炉岱海亮剑|首日出击");
}

TEST_CASE("a list by department, a department and its colon a line, is a line a department") {
  CHECK(normalized("（一）审判执行岗位\n立案庭：韩 雪、其木格\n民事审判第二庭：郑 欣、滕国栋\n") ==
        "(一)审判执行岗位\n立案庭:韩雪、其木格\n民事审判第二庭:郑欣、滕国栋");
  // A heading with a clause's mark is running text a line wraps.
  CHECK(normalized("一、坚持公正司法，全院审结\n案件：共计3120件。\n") == "一、坚持公正司法,全院审结案件:共计3120件。");
}

TEST_CASE("a list's numbered heading closed by its count is a line of its own") {
  CHECK(normalized("二、先进个人（３名）\n敖　雪　　立案庭法官助理\n") == "二、先进个人(3名)\n敖雪立案庭法官助理");
  // Not a numbered paragraph's first line that a parenthesis happens to close.
  CHECK(normalized("二、坚持司法为民，全年办结案件（含旧存）\n１２０件。") == "二、坚持司法为民,全年办结案件(含旧存)120件。");
}

TEST_CASE("the items of a numbered list without closing marks are lines of their own") {
  CHECK(normalized("拟入额人选：\n\n1. 农丽芬（女，壮族），州中级人民法院一级法官\n助理\n2. 沙云海（男，回族），县人民法院法官助理\n") ==
        "拟入额人选:\n1.农丽芬(女,壮族),州中级人民法院一级法官助理\n2.沙云海(男,回族),县人民法院法官助理");
  // Items closed by a semicolon go on as one sentence, and so does a wrapped decimal.
  CHECK(normalized("1. 新收案件１ ３８６件；\n2. 旧存案件２１２件；\n") == "1.新收案件1386件;2.旧存案件212件;");
  CHECK(normalized("1. 同比上升\n2.5个百分点\n") == "1.同比上升2.5个百分点");
}

TEST_CASE("a roster's rows, split into columns by ideographic spaces, are lines of their own") {
  // The name comes first: the gap after it stays, so that the name ends there; a long name
  // leaves room for one space only, a short one is padded and so is a note in brackets.
  CHECK(normalized("上官　雯　　　　青石县人民法院立案庭法官助理\n古丽米拉·阿不都　江北县人民法院执行局执行员\n"
                   "钟文博　　西岭县人民法院办公室主任\n冉　静（土家族）　西岭县人民检察院第二检察部主任\n") ==
        "上官雯 青石县人民法院立案庭法官助理\n古丽米拉·阿不都 江北县人民法院执行局执行员\n"
        "钟文博 西岭县人民法院办公室主任\n冉静(土家族) 西岭县人民检察院第二检察部主任");
  // The office comes first: each row ends its line, and the name follows the office.
  CHECK(normalized("执行一团队法官助理　余　青\n立案庭庭长　　　　钟文博\n") == "执行一团队法官助理余青\n立案庭庭长钟文博");
  CHECK(normalized("民事审判庭一级法官　　　　赛力克·托合塔尔别克\n立案庭庭长　　　　　　　　钟文博\n") ==
        "民事审判庭一级法官赛力克·托合塔尔别克\n立案庭庭长钟文博");
  // A table of figures and a list of links keep their cells together as before, and prose
  // with a gap in it is no row.
  CHECK(normalized("新收案件　　　１ ２０６件\n结收比　　　　９７．２％\n") == "新收案件1206件结收比97.2%");
  CHECK(normalized("本网讯　　10月22日，青石县人民法院召开\n全院大会　　部署工作。") ==
        "本网讯10月22日,青石县人民法院召开全院大会部署工作。");
}

TEST_CASE("a grid of names is one list, read on from the line that introduces it") {
  // Two spaces or more part two names, one after a note; one inside a padded name is stray.
  CHECK(normalized("任命下列同志为青石县人民法院人民陪审员：\n\n丁　洁　　王建平　　毛晓燕\n"
                   "石　磊（女）　卢志强　　申海鹰\n\n新任命的人民陪审员中，女性３名。") ==
        "任命下列同志为青石县人民法院人民陪审员:丁洁、王建平、毛晓燕、石磊(女)、卢志强、申海鹰\n"
        "新任命的人民陪审员中,女性3名。");
  // Two names to a row, or cells of five characters, make no grid.
  CHECK(normalized("丁　洁　　王建平\n石　磊　　卢志强\n") == "丁洁 王建平\n石磊 卢志强");
  CHECK(normalized("审判管理办公室　　立案庭　　执行局\n") == "审判管理办公室立案庭执行局");
}

TEST_CASE("a data card's figure alone under its label ends its line") {
  // Label, figure, then the next card's label: the figure is no part of the next label.
  CHECK(normalized("审结各类案件\n12 640件\n结收比97.1%\n") == "审结各类案件12640件\n结收比97.1%");
  // The figure's change stays on its card.
  CHECK(normalized("受理各类案件\n13 105件\n同比上升3.9%\n") == "受理各类案件13105件同比上升3.9%");
  // A figure set over its label after a blank line opens its card; wrapped prose goes on.
  CHECK(normalized("【数读】\n\n2 208件\n受理涉农案件\n") == "【数读】\n2208件受理涉农案件");
  // A year is no figure: a table's heading cell "2026年" over "上半年" is one date.
  CHECK(normalized("项目\n2026年\n上半年\n") == "项目2026年上半年");
  CHECK(normalized("该院立足山区实际在辖区各乡镇中心集镇共设立\n12个\n人民法庭。") ==
        "该院立足山区实际在辖区各乡镇中心集镇共设立12个人民法庭。");
}

TEST_CASE("a page number on a line of its own is white space: a sentence goes on across it") {
  CHECK(normalized("该院就一起非法采矿案召开公开听证会，\n\n— 3 —\n\n邀请人大代表、政协委员担任听证员。") ==
        "该院就一起非法采矿案召开公开听证会,邀请人大代表、政协委员担任听证员。");
  CHECK(normalized("全年共办理民事监督案件４１２件，其中提出抗\n－４－\n诉１９件。") ==
        "全年共办理民事监督案件412件,其中提出抗诉19件。");
  // After a sentence's end, or before a numbered heading, it is a paragraph break.
  CHECK(normalized("全年共办理民事监督案件412件。\n\n— 4 —\n\n检察长向德厚主持会议。") ==
        "全年共办理民事监督案件412件。\n检察长向德厚主持会议。");
  CHECK(normalized("全年共办理民事监督案件412件，提出抗诉19件，结案率明显\n\n— 5 —\n\n二、存在的问题") ==
        "全年共办理民事监督案件412件,提出抗诉19件,结案率明显\n二、存在的问题");
  // Some pages set dots instead of dashes.
  CHECK(normalized("批准逮捕犯罪嫌疑人1 026人，起诉2 047人，\n\n·２·\n\n同比分别下降4.2%和1.9%。") ==
        "批准逮捕犯罪嫌疑人1026人,起诉2047人,同比分别下降4.2%和1.9%。");
  // A dash and a number in running text are no page number.
  CHECK(normalized("审结案件\n12—15件，同比上升。") == "审结案件12—15件,同比上升。");
}

TEST_CASE("leading and trailing white space is dropped, markdown markers are kept") {
  CHECK(normalized(" \n\t\xE3\x80\x80 正文内容 \n\n ") == "正文内容");
  CHECK(normalized("# 年度工作报告\n\n**一、主要数据**\n\n- 收案 12 件") ==
        "#年度工作报告\n**一、主要数据**\n-收案12件");
  CHECK(normalized(" \r\n\t ").empty());
}

TEST_CASE("ill-formed UTF-8 becomes U+FFFD, one per maximal subpart, and is counted") {
  struct Case {
    std::string bytes;
    std::size_t replacements;
    std::size_t bytes_replaced;
  };
  const std::vector<Case> cases = {
      {"审\xE5\x88", 1, 2},                  // truncated at the end
      {"审\xE5\x88判", 1, 2},                // truncated in the middle
      {"a\xC0\xAF" "b", 2, 2},               // overlong '/'
      {"a\xE0\x80\xAF" "b", 3, 3},           // overlong three-byte form
      {"a\xED\xA0\x80" "b", 3, 3},           // UTF-8-encoded high surrogate
      {"a\xED\xBF\xBF" "b", 3, 3},           // UTF-8-encoded low surrogate
      {"a\xF4\x90\x80\x80" "b", 4, 4},       // above U+10FFFF
      {"a\xF5\x80" "b", 2, 2},               // impossible lead byte
      {"\x80\x81\xBF审", 3, 3},              // stray continuation bytes
  };
  for (const Case& test : cases) {
    const Document doc = read(test.bytes);
    INFO("input: ", test.bytes);
    CHECK(doc.encoding() == "utf-8");
    CHECK(count_of(doc.text(), "\xEF\xBF\xBD") == test.replacements);
    CHECK(doc.replaced_bytes() == test.bytes_replaced);
    CHECK(doc.original() == test.bytes);
  }
  // The replacement character maps back to the bytes it replaced.
  const Document doc = read("前\xC0\xAF后");
  const std::size_t first = doc.text().find("\xEF\xBF\xBD");
  REQUIRE(first != std::string::npos);
  CHECK(doc.original_span({first, first + 3}) == Span{3, 4});
  CHECK(doc.original_span({first + 3, first + 6}) == Span{4, 5});
}

TEST_CASE("NUL and other control characters are dropped") {
  CHECK(normalized("审\0判"s) == "审判");
  CHECK(normalized("AB\0\0CD"s) == "ABCD");
  CHECK(normalized("\0\0\0"s).empty());
  CHECK(normalized("案\x1B件\x7F数\xC2\x85量") == "案件数量");  // ESC, DEL and NEL (a line break)
  CHECK(normalized("零宽\xE2\x80\x8B空格\xC2\xAD号") == "零宽空格号");
  const Document doc = read("A\0 \0B"s);
  CHECK(doc.text() == "A B");
  CHECK(doc.replaced_bytes() == 0);
}

TEST_CASE("empty input makes an empty document") {
  const Document doc = read("");
  CHECK(doc.text().empty());
  CHECK(doc.original().empty());
  CHECK(doc.encoding() == "utf-8");
  CHECK(doc.replaced_bytes() == 0);
  CHECK(doc.paragraphs().empty());
  CHECK(doc.sentences().empty());
  CHECK(doc.original_span({0, 0}) == Span{0, 0});
  CHECK(doc.original_span({0, 10}) == Span{0, 0});
  CHECK(doc.name() == "test");
}

TEST_CASE("a UTF-8 byte order mark stays in original() but not in text()") {
  const Document doc = read("\xEF\xBB\xBF法院工作报告");
  CHECK(doc.encoding() == "utf-8");
  CHECK(doc.original() == "\xEF\xBB\xBF法院工作报告");
  CHECK(doc.text() == "法院工作报告");
  CHECK(doc.original_span({0, 6}) == Span{3, 9});
}

TEST_CASE("UTF-16 with a byte order mark is converted") {
  const std::string content = "上半年共审结案件 3551 件，同比上升８％。";
  for (const auto& [icu_name, expected_name] :
       {std::pair{"UTF-16LE", "utf-16le"}, std::pair{"UTF-16BE", "utf-16be"}}) {
    const std::string bytes = encode("\xEF\xBB\xBF" + content, icu_name);
    const Document doc = read(bytes);
    CHECK(doc.encoding() == expected_name);
    CHECK(doc.original() == "\xEF\xBB\xBF" + content);
    CHECK(doc.text() == "上半年共审结案件3551件,同比上升8%。");
    CHECK(doc.replaced_bytes() == 0);
    check_round_trips(doc);
  }
  // A dangling odd byte and an unpaired surrogate cannot be decoded.
  std::string broken = encode("\xEF\xBB\xBF审判", "UTF-16LE");
  broken += "\x00\xD8"s;  // lone high surrogate U+D800
  broken += "\x41";
  const Document doc = read(broken);
  CHECK(doc.encoding() == "utf-16le");
  CHECK(doc.replaced_bytes() == 3);
  CHECK(doc.text().starts_with("审判\xEF\xBF\xBD"));
}

TEST_CASE("GB18030 and GBK bytes are detected or taken by name") {
  const std::string content =
      "今年以来，全市两级法院坚持司法为民，共受理各类案件 12876 件，审结 11930 件，"
      "结案率为 92.65%，同比提高 3.1 个百分点。\n\n"
      "在执行工作中，执行到位金额 4.37 亿元，有效维护了胜诉当事人的合法权益。";
  const std::string expected =
      "今年以来,全市两级法院坚持司法为民,共受理各类案件12876件,审结11930件,"
      "结案率为92.65%,同比提高3.1个百分点。\n"
      "在执行工作中,执行到位金额4.37亿元,有效维护了胜诉当事人的合法权益。";
  const std::string gb_bytes = encode(content, "gb18030");
  REQUIRE(gb_bytes != content);

  const Document detected = read(gb_bytes);
  CHECK(detected.encoding() == "gb18030");
  CHECK(detected.original() == content);
  CHECK(detected.text() == expected);
  CHECK(detected.replaced_bytes() == 0);

  const Document named = read(gb_bytes, "GBK");
  CHECK(named.encoding() == "gbk");
  CHECK(named.text() == expected);

  // An encoding name ICU does not know falls back to detection.
  CHECK(read(gb_bytes, "no-such-charset").encoding() == "gb18030");
  // Forcing UTF-8 on GBK bytes replaces them instead.
  const Document forced = read(gb_bytes, "utf8");
  CHECK(forced.encoding() == "utf-8");
  CHECK(forced.replaced_bytes() > 0);
}

TEST_CASE("damaged UTF-8 is not mistaken for GBK") {
  std::string bytes = "二〇二五年度全院共办结各类案件一千余件，审判质效持续向好。";
  bytes.insert(9, "\xE5");  // a lost continuation byte
  const Document doc = read(bytes);
  CHECK(doc.encoding() == "utf-8");
  CHECK(doc.replaced_bytes() == 1);
}

TEST_CASE("paragraphs split at breaks and sentences after sentence-final marks") {
  const Document doc = read(
      "一、基本情况\n\n全年受理案件 860 件。审结 812 件！结案率如何？他说：“已达标。”随后\n"
      "散会\n\n"
      "二、下一步工作；继续加油");
  CHECK(doc.text() ==
        "一、基本情况\n全年受理案件860件。审结812件!结案率如何?他说:“已达标。”随后散会\n二、下一步工作;继续加油");
  const auto piece = [&](Span span) { return doc.text().substr(span.begin, span.size()); };
  REQUIRE(doc.paragraphs().size() == 3);
  CHECK(piece(doc.paragraphs()[0].normalized) == "一、基本情况");
  CHECK(piece(doc.paragraphs()[2].normalized) == "二、下一步工作;继续加油");
  CHECK(doc.paragraphs()[2].paragraph == 2);

  std::vector<std::string> sentences;
  std::vector<int> paragraph_of;
  for (const auto& sentence : doc.sentences()) {
    sentences.push_back(piece(sentence.normalized));
    paragraph_of.push_back(sentence.paragraph);
  }
  CHECK(sentences == std::vector<std::string>{"一、基本情况", "全年受理案件860件。", "审结812件!", "结案率如何?",
                                              "他说:“已达标。”", "随后散会", "二、下一步工作;", "继续加油"});
  CHECK(paragraph_of == std::vector<int>{0, 1, 1, 1, 1, 1, 2, 2});
}

TEST_CASE("a paragraph that ends with a mark has no empty sentence after it") {
  const Document doc = read("第一句。第二句。”\n\n“第三句！”");
  for (const auto& sentence : doc.sentences()) CHECK_FALSE(sentence.normalized.empty());
  REQUIRE(doc.sentences().size() == 3);
  CHECK(doc.sentences()[1].normalized.end == doc.paragraphs()[0].normalized.end);
}

TEST_CASE("original_span maps normalized ranges back to their source") {
  const std::string source = "  本报讯 2025 年，包头市九原\n区人民法院\n\n共审结案件　３５５１　件。\r\n Hello  world";
  const Document doc = read(source);
  CHECK(doc.text() == "本报讯2025年,包头市九原区人民法院\n共审结案件3551件。\nHello world");
  check_round_trips(doc);

  // Edges never include the white space that was dropped around them.
  const std::size_t number = doc.text().find("2025");
  CHECK(doc.original_span({number, number + 4}) == Span{source.find("2025"), source.find("2025") + 4});
  const std::size_t court = doc.text().find("九原区");
  const Span court_source = doc.original_span({court, court + std::string_view("九原区").size()});
  CHECK(source.substr(court_source.begin, court_source.size()) == "九原\n区");
  // A folded character maps to its full-width source.
  const std::size_t digits = doc.text().find("3551");
  const Span digits_source = doc.original_span({digits, digits + 4});
  CHECK(source.substr(digits_source.begin, digits_source.size()) == "３５５１");
  const Span five_source = doc.original_span({digits + 1, digits + 2});
  CHECK(source.substr(five_source.begin, five_source.size()) == "５");
  // A paragraph break maps to the white space run it replaced.
  const std::size_t second_break = doc.text().rfind('\n');
  const Span break_source = doc.original_span({second_break, second_break + 1});
  CHECK(source.substr(break_source.begin, break_source.size()) == "\r\n ");
  // Empty and out-of-range spans are clamped.
  CHECK(doc.original_span({number, number}) == Span{source.find("2025"), source.find("2025")});
  CHECK(doc.original_span({0, 1000}).end == source.size());
  CHECK(doc.original_span({1000, 2000}) == Span{source.size(), source.size()});
}

TEST_CASE("round trips hold on text with folds, replacements and dropped characters") {
  check_round_trips(read("（一）审判\0执行，Ａ组 12 人\xFF；\n\n“结案率”达 ９５．２％ 。"s));
  check_round_trips(read("效率\xE2\x80\x8B提升 e\xCC\x81 ok 。\n下一段"));
}

TEST_CASE("copied text needs few anchors in the offset map") {
  using reportex::internal::text::normalize_text;
  CHECK(normalize_text("全面加强审判管理，Hello world 2025").offsets.anchor_count() == 3);
  std::string prose;
  for (int i = 0; i < 1000; ++i) prose += "法院审判执行工作稳步推进 and the work goes on ";
  CHECK(normalize_text(prose).offsets.anchor_count() < 2100);
}

TEST_CASE("an offset map past 4-byte offsets widens and maps as before") {
  using reportex::internal::text::OffsetMap;
  // The same segments in a map of 4-byte offsets and in one told to widen
  // past offset 40: copies, folds of 3 bytes into 1, a dropped run of spaces.
  OffsetMap narrow, widened(40);
  std::size_t normalized = 0, original = 0;
  for (int i = 0; i < 12; ++i) {
    for (OffsetMap* map : {&narrow, &widened}) map->add_copy(normalized, original);
    normalized += 5, original += 5;
    for (OffsetMap* map : {&narrow, &widened}) map->add_atomic(normalized, original, original + 3);
    normalized += 1, original += 3 + (i % 3 == 0 ? 2 : 0);
  }
  CHECK_FALSE(narrow.wide());
  CHECK(widened.wide());
  CHECK(widened.anchor_count() == narrow.anchor_count());
  for (std::size_t begin = 0; begin <= normalized; ++begin) {
    for (std::size_t end = begin; end <= normalized; ++end) {
      INFO("range ", begin, "-", end);
      CHECK(widened.to_original({begin, end}, normalized) == narrow.to_original({begin, end}, normalized));
    }
  }
  // A fold past the limit maps to its whole source, as below it.
  CHECK(widened.to_original({normalized - 1, normalized}, normalized) == Span{original - 3, original});
}

TEST_CASE("large and repetitive inputs stay linear and exact") {
  const std::size_t megabyte = 1 << 20;
  {
    std::string commas;
    for (std::size_t i = 0; i < megabyte / 3; ++i) commas += "，";
    const Document doc = read(commas);
    CHECK(doc.text() == std::string(megabyte / 3, ','));
    const std::size_t last = doc.text().size() - 1;
    CHECK(doc.original_span({last, last + 1}) == Span{3 * last, 3 * last + 3});
  }
  {
    const Document doc = read(std::string(megabyte, '\xFF'));
    CHECK(doc.replaced_bytes() == megabyte);
    CHECK(doc.text().size() == 3 * megabyte);
  }
  {
    const Document doc = read(std::string(megabyte, '\n'));
    CHECK(doc.text().empty());
    CHECK(doc.paragraphs().empty());
  }
  {
    std::string closers = "完毕。";
    for (std::size_t i = 0; i < megabyte / 3; ++i) closers += "”\n";
    const Document doc = read(closers);
    CHECK(doc.text().size() == 9 + 3 * (megabyte / 3) + 1);  // only the first break follows a sentence end
  }
  {
    // Gaps between words on one long line: each is judged from at most a row's width of
    // text around it (reading the whole line for each made 2.5 MB take a minute).
    const std::string unit = "某某\u3000\u3000某院执行局局长";
    std::string gaps;
    while (gaps.size() < 4 * megabyte) gaps += unit;
    const Document doc = read(gaps);
    CHECK(doc.text().size() == gaps.size() / unit.size() * (unit.size() - 6));
    CHECK(doc.paragraphs().size() == 1);
  }
  {
    // 64 MB on a single line.
    std::string line;
    line.reserve(64 * megabyte);
    while (line.size() < 64 * megabyte) line += "审判执行abc123";
    const Document doc = read(line);
    CHECK(doc.text() == line);
    CHECK(doc.sentences().size() == 1);
    const Span all = doc.original_span({0, doc.text().size()});
    CHECK(all == Span{0, line.size()});
  }
}

TEST_CASE("arbitrary bytes give valid UTF-8 text and in-range spans") {
  // Pieces that stress the decoder and the white space rules, mixed at random.
  const std::vector<std::string> pieces = {
      "审", "，", "。", "”", "\n", "\r", " ", "\xE3\x80\x80", "a", "7", "\xEF\xBC\x95", "\xCC\x81",
      "\xE5\x88", "\xED\xA0\x80", "\xC0", "\xFF", "\xF0\x9F\x98\x80", "\0"s, "\xEF\xBB\xBF", "\xE2\x80\xA9"};
  std::mt19937 random(20250315);
  for (int round = 0; round < 300; ++round) {
    std::string bytes;
    const int count = static_cast<int>(random() % 40);
    for (int i = 0; i < count; ++i) bytes += pieces[random() % pieces.size()];
    if (round % 3 == 0) {
      for (int i = 0; i < 8; ++i) bytes += static_cast<char>(random() & 0xFF);  // raw noise
    }
    const Document doc = read(bytes);
    const std::string& text = doc.text();
    CHECK(reportex::internal::text::census_utf8(text).invalid_sequences == 0);
    CHECK_FALSE(text.starts_with('\n'));
    CHECK_FALSE(text.ends_with('\n'));
    CHECK(text.find("\n\n") == std::string::npos);
    for (const auto& boundary : {std::pair<std::size_t, std::size_t>{0, text.size()},
                                 std::pair<std::size_t, std::size_t>{text.size() / 3, text.size() / 2}}) {
      const Span source = doc.original_span({boundary.first, boundary.second});
      CHECK(source.begin <= source.end);
      CHECK(source.end <= doc.original().size());
    }
    for (const auto& sentence : doc.sentences()) CHECK_FALSE(sentence.normalized.empty());
  }
}

TEST_CASE("documents move and keep their options") {
  DocumentOptions options;
  options.reference_date = CivilDate{2025, 3, 15};
  Document first = Document::from_bytes("report-1", "第一份报告。", options);
  Document moved = std::move(first);
  CHECK(moved.name() == "report-1");
  CHECK(moved.text() == "第一份报告。");
  REQUIRE(moved.reference_date().has_value());
  CHECK(moved.reference_date()->to_string() == "2025-03-15");
  Document other = Document::from_bytes("report-2", "第二份");
  other = std::move(moved);
  CHECK(other.name() == "report-1");
  CHECK_FALSE(Document::from_bytes("x", "y").reference_date().has_value());
}

}  // TEST_SUITE
