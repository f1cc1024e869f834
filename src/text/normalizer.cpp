#include "text/normalizer.hpp"

#include "text/segmenter.hpp"
#include "text/utf8.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <optional>

namespace reportex::internal::text {

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

bool is_ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

bool is_ascii_alnum(unsigned char c) { return is_ascii_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

// 丨 (U+4E28), an ideograph no word is written with, is the bar WeChat articles
// set between a credit's label and its name ("编辑丨尹露"): it reads as |.
constexpr char32_t kBarIdeograph = 0x4E28;

// CJK unified ideographs and extension A: by far the most frequent characters,
// and NFKC leaves them alone, so they skip ICU.
bool is_common_ideograph(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

// The line breaks a white space character adds to its run, or -1 when `c` is
// not white space. U+2029 (paragraph separator) counts as a blank line.
int line_breaks_of(char32_t c) {
  switch (c) {
    case ' ': case '\t': case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return 0;
    case '\n': case '\v': case '\f': case '\r': case 0x85: case 0x2028:
      return 1;
    case 0x2029:
      return 2;
    default:
      return c >= 0x2000 && c <= 0x200A ? 0 : -1;
  }
}

// Invisible characters that carry no text: they would only split words.
bool is_dropped(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xAD || c == 0x200B || c == 0x2060 || c == 0xFEFF;
}

// The NFKC form of single characters that stand between normalization
// boundaries, cached because full-width punctuation recurs constantly.
struct FoldedChar {
  char32_t code_point = 0xFFFFFFFF;  // no such code point: the slot is empty
  bool unchanged = true;
  std::string utf8;
};

class Normalizer {
 public:
  /// `nfkc` may be null (ICU data missing): then nothing is folded.
  Normalizer(std::string_view source, const icu::Normalizer2* nfkc) : source_(source), nfkc_(nfkc) {
    result_.text.reserve(source.size());
    // Chinese prose folds a full-width mark every ten characters or so, and
    // each fold adds two anchors; reserving for that avoids copying the map
    // as it grows.
    result_.offsets.reserve(source.size() / 12 + 16);
  }

  NormalizedText run() && {
    const auto* bytes = reinterpret_cast<const unsigned char*>(source_.data());
    const std::size_t size = source_.size();
    std::size_t pos = 0;
    while (pos < size) {
      const unsigned char lead = bytes[pos];
      if (space_pending_ && space_breaks_ > 0 && (lead == '-' || lead == 0xC2 || lead == 0xE2 || lead == 0xE3 || lead == 0xEF))
        if (const std::size_t end = page_number_end(pos); end != kNone) {  // a page's number: white space
          add_white_space(pos, end, ' ', 0);
          pos = end;
          continue;
        }
      if (lead > ' ' && lead < 0x7F) {  // printable ASCII other than space
        extend_copy(pos, lead);
        ++pos;
        continue;
      }
      const Utf8Char ch = decode_utf8(source_, pos);
      const std::size_t next = pos + ch.length;
      if (!ch.valid) {
        flush_copy(pos);
        emit_atomic(kReplacementUtf8, pos, next);
        result_.replaced_bytes += ch.length;
      } else if (ch.code_point == kBarIdeograph) {
        flush_copy(pos);
        emit_atomic("|", pos, next);
      } else if (is_common_ideograph(ch.code_point)) {
        extend_copy(pos, lead);
      } else if (const int breaks = line_breaks_of(ch.code_point); breaks >= 0) {
        flush_copy(pos);
        add_white_space(pos, next, ch.code_point, breaks);
      } else if (is_dropped(ch.code_point)) {
        flush_copy(pos);
      } else {
        pos = fold(pos, ch.code_point, next);
        continue;
      }
      pos = next;
    }
    flush_copy(size);
    // No shrink_to_fit: it would copy the whole text once more. The unused
    // tail of a large reservation is never touched, so it costs no memory.
    return std::move(result_);
  }

 private:
  // Normalizes the character at `pos` (and any combining marks after it) that
  // the fast paths did not handle; returns where the next character starts.
  std::size_t fold(std::size_t pos, char32_t code_point, std::size_t next) {
    if (nfkc_ == nullptr) {
      extend_copy(pos, static_cast<unsigned char>(source_[pos]));
      return next;
    }
    if (!nfkc_->hasBoundaryBefore(code_point)) {
      // A combining mark may compose with the character before it, so that
      // character is normalized again with it when it was merely copied.
      const std::size_t chunk_begin = copy_begin_ != kNone ? last_char_begin_ : pos;
      flush_copy(chunk_begin);
      const std::size_t chunk_end = skip_combining(next);
      fold_chunk(chunk_begin, chunk_end);
      return chunk_end;
    }
    const std::size_t chunk_end = skip_combining(next);
    if (chunk_end != next) {
      flush_copy(pos);
      fold_chunk(pos, chunk_end);
      return chunk_end;
    }
    const FoldedChar& folded = fold_single(code_point);
    if (folded.unchanged) {
      extend_copy(pos, static_cast<unsigned char>(source_[pos]));
    } else {
      flush_copy(pos);
      emit_atomic(folded.utf8, pos, next);
    }
    return next;
  }

  // The end of the characters from `pos` on that have no normalization
  // boundary before them (combining marks and the like).
  std::size_t skip_combining(std::size_t pos) const {
    while (pos < source_.size()) {
      // Everything below U+0300 (lead byte < 0xCC) starts a new boundary.
      if (static_cast<unsigned char>(source_[pos]) < 0xCC) break;
      const Utf8Char ch = decode_utf8(source_, pos);
      if (!ch.valid || is_common_ideograph(ch.code_point) || nfkc_->hasBoundaryBefore(ch.code_point)) break;
      pos += ch.length;
    }
    return pos;
  }

  const FoldedChar& fold_single(char32_t code_point) {
    thread_local std::array<FoldedChar, 1024> cache;
    FoldedChar& slot = cache[(code_point ^ (code_point >> 10)) & (cache.size() - 1)];
    if (slot.code_point != code_point) {
      const icu::UnicodeString original(static_cast<UChar32>(code_point));
      UErrorCode error = U_ZERO_ERROR;
      const icu::UnicodeString normalized = nfkc_->normalize(original, error);
      slot.code_point = code_point;
      slot.unchanged = U_FAILURE(error) || normalized == original;
      slot.utf8.clear();
      if (!slot.unchanged) normalized.toUTF8String(slot.utf8);
    }
    return slot;
  }

  // Normalizes source bytes [begin, end), which are well-formed UTF-8.
  void fold_chunk(std::size_t begin, std::size_t end) {
    const std::string_view chunk = source_.substr(begin, end - begin);
    const icu::UnicodeString original = icu::UnicodeString::fromUTF8(chunk);
    UErrorCode error = U_ZERO_ERROR;
    const icu::UnicodeString normalized = nfkc_->normalize(original, error);
    if (U_FAILURE(error) || normalized == original) {
      for (std::size_t pos = begin; pos < end; pos += decode_utf8(source_, pos).length) {
        extend_copy(pos, static_cast<unsigned char>(source_[pos]));
      }
      return;
    }
    std::string utf8;
    normalized.toUTF8String(utf8);
    emit_atomic(utf8, begin, end);
  }

  // Adds the character at `pos` to the run of bytes copied unchanged.
  void extend_copy(std::size_t pos, unsigned char first_byte) {
    if (copy_begin_ == kNone) {
      resolve_white_space(first_byte);
      copy_begin_ = pos;
    }
    last_char_begin_ = pos;
  }

  // Emits the pending copy run, which ends at source byte `end`.
  void flush_copy(std::size_t end) {
    if (copy_begin_ == kNone) return;
    if (end > copy_begin_) {
      result_.offsets.add_copy(result_.text.size(), copy_begin_);
      result_.text.append(source_.substr(copy_begin_, end - copy_begin_));
    }
    copy_begin_ = kNone;
  }

  void emit_atomic(std::string_view text, std::size_t source_begin, std::size_t source_end) {
    if (text.empty()) return;
    resolve_white_space(static_cast<unsigned char>(text.front()));
    result_.offsets.add_atomic(result_.text.size(), source_begin, source_end);
    result_.text.append(text);
  }

  void add_white_space(std::size_t begin, std::size_t end, char32_t code_point, int breaks) {
    if (!space_pending_) {
      space_pending_ = true;
      space_begin_ = begin;
      space_breaks_ = 0;
      space_previous_cr_ = false;
      space_ideographic_ = false;
    }
    space_ideographic_ = space_ideographic_ || code_point == 0x3000;
    space_end_ = end;
    if (!(code_point == '\n' && space_previous_cr_)) space_breaks_ += static_cast<std::size_t>(breaks);
    space_previous_cr_ = code_point == '\r';
  }

  // Decides what the pending white space run becomes, now that the next
  // character (whose normalized form starts with `next_byte`) is known.
  void resolve_white_space(unsigned char next_byte) {
    if (!space_pending_) return;
    space_pending_ = false;
    std::string& text = result_.text;
    if (text.empty()) return;  // leading white space
    std::string_view separator;
    // (A grid of names ends where its rows end.)
    if (space_breaks_ >= 2 && is_page_break(next_byte) && !is_name_grid_row(line_around(space_begin_))) {
      return;  // running text continues on the next page: no paragraph break
    }
    // A grid of names is one list, read on from the line that introduces it:
    // "…任命下列同志为某县人民法院人民陪审员：" then "丁玉霞　　马文礼　　王　军…".
    bool next_grid_row = false;
    if (space_breaks_ > 0 && is_name_grid_row(line_around(space_end_))) {
      const std::string_view line = line_around(space_begin_);
      if (line.ends_with("：") || line.ends_with(":")) return;
      next_grid_row = space_breaks_ == 1 && is_name_grid_row(line);
    }
    // A line that ends a sentence ends its paragraph, unless it ends with a
    // semicolon: the sentence goes on ("…４９件；\n发出诉前检察建议…").
    if (next_grid_row) {
      separator = "、";
    } else if (space_breaks_ >= 2 ||
        (space_breaks_ == 1 && ((ends_with_sentence_end(text) && text.back() != ';') || is_section_number() ||
                               is_heading() || ends_with_column_field() || is_counted_heading() ||
                               between_labeled_fields() || between_column_rows() || is_figure_line() ||
                               is_next_list_item()))) {
      separator = "\n";
    } else if (space_breaks_ == 0 && space_ideographic_ && separates_grid_names()) {
      separator = "、";  // "丁玉霞　　马文礼": two names of a grid
    } else if (space_breaks_ == 0 && space_ideographic_ && next_byte >= 0x80 && ends_with_figure()) {
      separator = " ";  // a table's cells: "收案612件　结案574件" are two figures
    } else if (space_breaks_ == 0 && space_ideographic_ && next_byte >= 0xE3 && next_byte <= 0xE9 &&
               separates_columns()) {
      separator = " ";  // a roster's columns: "某　某　　某院执行局局长" is a name, then an office
    } else if (space_breaks_ == 0 && groups_thousands(next_byte)) {
      return;  // "20 967件" is 20967
    } else if (space_breaks_ == 1 && wraps_number(next_byte)) {
      return;  // "审结案件13\n457件": a line wrapped inside a number
    } else if (is_ascii_alnum(static_cast<unsigned char>(text.back())) && is_ascii_alnum(next_byte)) {
      separator = " ";
    }
    if (separator.empty()) return;
    // A lone ' ' or '\n' that stays as it is continues the copy segment
    // rather than adding an anchor, which keeps the map small for prose.
    if (space_end_ - space_begin_ == 1 && source_.substr(space_begin_, 1) == separator) {
      result_.offsets.add_copy(text.size(), space_begin_);
    } else {
      result_.offsets.add_atomic(text.size(), space_begin_, space_end_);
    }
    text += separator;
  }

  // A page's section heading ("# 生态法治") is a line of its own: the paper's
  // name printed under it is no part of it. (An article's headline, "## …",
  // may run on into its subtitle.)
  bool is_heading() {
    const std::string& text = result_.text;
    const std::size_t start = paragraph_start();
    return start + 1 < text.size() && text[start] == '#' && text[start + 1] != '#';
  }

  // A line whose last field stands apart after an ideographic space, a short
  // one of Han characters (a name, a weekday, a credit): "玛沁县人民检察院检察长　冶文涛",
  // "审核：卓 玛　　撰稿：苏 晨", "2025年12月11日　星期四". Lists, credits and page headers are
  // laid out in such columns, one entry a line; running text is not. A line
  // that leaves a quotation or a book title open goes on on the next one
  // ("以“服务向海经济　护" / "航边海发展”为主题").
  bool ends_with_column_field() const {
    constexpr std::string_view kIdeographicSpace = "\u3000";
    constexpr std::size_t kMaxFieldChars = 12;  // a Uyghur name with its middle dot, or a credit's label and name
    std::string_view line = source_.substr(0, space_begin_);
    if (const std::size_t nl = line.rfind('\n'); nl != std::string_view::npos) line.remove_prefix(nl + 1);
    // An indented line (a list entry under its label: "　　　　某县人民法院院长　某某") is read
    // from its text.
    while (line.starts_with(kIdeographicSpace) || line.starts_with(' ') || line.starts_with('\t'))
      line.remove_prefix(line.starts_with(kIdeographicSpace) ? kIdeographicSpace.size() : 1);
    const std::size_t gap = line.rfind(kIdeographicSpace);
    if (gap == std::string_view::npos) return false;  // no column
    const std::string_view field = line.substr(gap + kIdeographicSpace.size());
    std::size_t chars = 0, labels = 0;
    for (std::size_t pos = 0; pos < field.size(); ++chars) {
      const Utf8Char ch = decode_utf8(field, pos);
      const bool inner_space = ch.code_point == ' ' && pos > 0 && pos + 1 < field.size() && field[pos + 1] != ' ';
      const bool label_end = ch.code_point == 0xFF1A && pos > 0 && ++labels == 1;  // "撰稿：苏 晨"
      if (!is_common_ideograph(ch.code_point) && ch.code_point != 0xB7 && !inner_space && !label_end)
        return false;  // 0xB7: the middle dot of Uyghur and Kazakh names
      pos += ch.length;
    }
    if (chars == 0 || chars > kMaxFieldChars) return false;
    auto count = [&](std::string_view mark) {
      std::size_t n = 0;
      for (std::size_t at = line.find(mark); at != std::string_view::npos; at = line.find(mark, at + mark.size())) ++n;
      return n;
    };
    return count("“") == count("”") && count("《") == count("》") && count("（") == count("）");
  }

  // True when the text ends with a figure: digits, then a percent sign or at most
  // four characters of its unit ("612件", "2.37亿元", "0.41个百分点", "96.59%"), not a day. A
  // number without its unit ("3551　件") is not one: the space inside it is stray.
  bool ends_with_figure() const {
    const std::string& text = result_.text;
    constexpr std::size_t kMaxUnitChars = 4;
    // A day opens what follows it ("1月8日　市中院召开…", a chronicle's entry): no figure.
    if (text.ends_with("日")) return false;
    std::size_t end = text.size();
    const bool percent = end > 0 && text[end - 1] == '%';
    if (percent) --end;
    for (std::size_t chars = 0; chars <= kMaxUnitChars && end > 0; ++chars) {
      if (is_ascii_digit(static_cast<unsigned char>(text[end - 1]))) return percent || chars > 0;
      // step back over one character of the unit (UTF-8: skip continuation bytes)
      std::size_t lead = end - 1;
      while (lead > 0 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) --lead;
      if (static_cast<unsigned char>(text[lead]) < 0x80) return false;  // ASCII other than a digit
      end = lead;
    }
    return false;
  }

  // A list's numbered heading closed by its count, a line of its own: "二、先进个人（８名）"
  // over the names it lists.
  bool is_counted_heading() {
    static constexpr std::string_view kNumerals = "一二三四五六七八九十";
    constexpr std::size_t kMaxHeadingBytes = 20 * 3;
    const std::string_view line = std::string_view(result_.text).substr(paragraph_start());
    if (line.size() > kMaxHeadingBytes || !line.ends_with(')')) return false;
    // The count: digits and one measure word ("(8名)", "(4个)"), not a note ("(含旧存)").
    const std::size_t open = line.rfind('(');
    if (open == std::string_view::npos) return false;
    const std::string_view count = line.substr(open + 1, line.size() - open - 2);
    const std::size_t digits = count.find_first_not_of("0123456789");
    if (digits == 0 || digits == std::string_view::npos || count.size() - digits != 3) return false;
    const std::size_t comma = line.find("、");
    if (comma == 0 || comma == std::string_view::npos || comma > 2 * 3) return false;
    for (std::size_t i = 0; i < comma; i += 3)
      if (kNumerals.find(line.substr(i, 3)) == std::string_view::npos) return false;
    return true;
  }

  // Two lines that each open with a label and its colon are two fields of a roster
  // ("企业代表：…" over "律师代表：…"), not one line wrapped onto the next. (A bar opens
  // the titles of a list of links as often: "某某丨…".)
  bool between_labeled_fields() const {
    const std::size_t nl = space_begin_ > 0 ? source_.rfind('\n', space_begin_ - 1) : std::string_view::npos;
    std::size_t line_start = nl == std::string_view::npos ? 0 : nl + 1;
    while (line_start < space_begin_ && (source_[line_start] == ' ' || source_[line_start] == '\t')) ++line_start;
    if (line_start >= space_begin_ || !opens_labeled_field(space_end_, true)) return false;
    if (opens_labeled_field(line_start, true)) return true;
    // A short numbered heading over the first field: "（一）审判执行岗位" over "立案庭：某某、某某".
    constexpr std::size_t kMaxHeadingBytes = 16 * 3;
    const std::string_view heading = source_.substr(line_start, space_begin_ - line_start);
    return heading.size() <= kMaxHeadingBytes && opens_numbered_heading(line_start) &&
           heading.find_first_of(",;") == std::string_view::npos && heading.find("，") == std::string_view::npos &&
           heading.find("。") == std::string_view::npos;
  }

  // Two lines split into columns by ideographic spaces, two or more in a row in one of
  // them, and neither holding a clause's mark, are two rows of a table or roster ("某　某
  // 　　　某县人民法院执行局局长" over "热依汗古丽·买买提　某县人民法院法官助理", whose long
  // name leaves room for one space), however long their last column. Prose has clauses,
  // even where a web page sets a gap in it ("本网讯　10月22日，…").
  bool between_column_rows() const {
    const std::string_view line = line_around(space_begin_), next = line_around(space_end_);
    return are_rows(column_gap(line), column_gap(next));
  }

  // In a roster that writes the name first, the gap after the name stays as a space
  // between the columns: "某　某　　某县人民法院执行局局长" is the name "某某" and an
  // office, not a longer name. The name's column is the row's first, short, and shorter
  // than the rest; its gap is the row's widest (the last, when all gaps are of one space:
  // "马　骏（回族）　某院…"). An office written first ("执行局局长　　某某"), a label's
  // figure ("新收案件　　７ ８４２件") or a credit ("作者：某某　　编辑：某某") stays one cell.
  bool separates_columns() const {
    constexpr std::size_t kMaxNameChars = 12, kMaxHanNameChars = 4;
    const std::string_view line = line_around(space_begin_);
    const int widest = column_gap(line);
    if (widest == 0) return false;
    const std::size_t begin = static_cast<std::size_t>(line.data() - source_.data()), end = begin + line.size();
    const std::string_view before = source_.substr(begin, space_begin_ - begin);
    const std::string_view after = source_.substr(space_end_, end - space_end_);
    if (widest == 1 ? after.find("\u3000") != std::string_view::npos
                    : column_gap(before) == widest || run_width(space_begin_, space_end_) < widest)
      return false;
    // A Han name has four characters at most (a note in brackets aside: "马　骏（回族）"); a
    // transliterated one joins its parts with a middle dot. A longer first column is an
    // office written before its holder ("民事审判庭一级法官　　某某·某某").
    const std::size_t name = visible_chars(before.substr(0, before.find("（")));
    const bool dotted = before.find("·") != std::string_view::npos;
    if (name == 0 || name > (dotted ? kMaxNameChars : kMaxHanNameChars) || visible_chars(after) <= name) return false;
    for (std::string_view mark : {":", "：", "|", "｜"})
      if (before.find(mark) != std::string_view::npos) return false;
    return (begin > 0 && are_rows(widest, column_gap(line_around(begin - 1)))) ||
           (end < source_.size() && are_rows(widest, column_gap(line_around(end + 1))));
  }

  // A gap between two names of a grid (see is_name_grid_row): two spaces or more,
  // or one after a name's note in brackets.
  bool separates_grid_names() const {
    if (!is_name_grid_row(line_around(space_begin_))) return false;
    const std::string_view before = source_.substr(0, space_begin_);
    return run_width(space_begin_, space_end_) >= 2 || before.ends_with("）") || before.ends_with(")");
  }

  // A row of a grid of names, as a list of those appointed is printed: three
  // cells or more, each a name of two to four ideographs ("王　军", a two-character
  // name padded with one space; a short note in brackets after it: "王　芳（女）"),
  // set apart by two spaces or more, or by one after a note.
  static bool is_name_grid_row(std::string_view line) {
    constexpr int kMinCells = 3;
    constexpr std::size_t kMinName = 2, kMaxName = 4, kMaxNote = 4;
    int cells = 0, spaces = 0;
    std::size_t name = 0, note = 0;
    bool in_note = false, noted = false;
    auto end_cell = [&] {
      const bool fits = name >= kMinName && name <= kMaxName;
      ++cells, name = 0, noted = false;
      return fits;
    };
    for (std::size_t pos = 0; pos < line.size();) {
      const Utf8Char ch = decode_utf8(line, pos);
      pos += ch.length;
      const char32_t c = ch.code_point;
      if (in_note) {
        if (c == 0xFF09 || c == ')') in_note = false, noted = true;
        else if (++note > kMaxNote) return false;
        continue;
      }
      if (c == 0x3000 || c == ' ' || c == '\t' || c == '\r') {
        ++spaces;
        continue;
      }
      if (spaces > 0 && name > 0 && (spaces >= 2 || noted) && !end_cell()) return false;
      spaces = 0;
      if (c == 0xFF08 || c == '(') {
        if (name == 0 || noted) return false;
        in_note = true, note = 0;
        continue;
      }
      if (noted || !is_common_ideograph(c)) return false;
      ++name;
    }
    return !in_note && (name == 0 || end_cell()) && cells >= kMinCells;
  }

  // The characters of source bytes [begin, end).
  int run_width(std::size_t begin, std::size_t end) const {
    int width = 0;
    for (std::size_t pos = begin; pos < end; ++width) pos += decode_utf8(source_, pos).length;
    return width;
  }

  // The characters of `text` other than white space.
  static std::size_t visible_chars(std::string_view text) {
    std::size_t chars = 0;
    for (std::size_t pos = 0; pos < text.size();) {
      const Utf8Char ch = decode_utf8(text, pos);
      pos += ch.length;
      chars += line_breaks_of(ch.code_point) < 0;
    }
    return chars;
  }

  static bool are_rows(int gap, int other_gap) { return gap > 0 && other_gap > 0 && gap + other_gap > 2; }

  // The source line that holds byte `pos` (a line break counts as the end of the line
  // before it), or nothing when it is longer than a row of a table is. Only that many
  // bytes are searched either way, so that the gaps of one long line cost no more than
  // the line.
  std::string_view line_around(std::size_t pos) const {
    constexpr std::size_t kMaxRowBytes = 80 * 3;
    const std::size_t from = pos > kMaxRowBytes ? pos - kMaxRowBytes : 0;
    const std::size_t nl = pos > from ? source_.substr(from, pos - from).rfind('\n') : std::string_view::npos;
    if (nl == std::string_view::npos && from > 0) return source_.substr(pos, 0);
    const std::size_t begin = nl == std::string_view::npos ? 0 : from + nl + 1;
    const std::size_t ahead = source_.substr(pos, kMaxRowBytes + 1).find('\n');
    const std::size_t end = ahead != std::string_view::npos ? pos + ahead : std::min(source_.size(), pos + kMaxRowBytes + 1);
    return end - begin > kMaxRowBytes ? source_.substr(pos, 0) : source_.substr(begin, end - begin);
  }

  // The widest run of ideographic spaces inside a row `line` (past its indentation)
  // before a word, in spaces; 0 when there is none or the line has a clause's mark. A
  // gap before a figure or a date is a table's or a list of links' ("· 标题　　2025-11-27"),
  // whose lines are read together as before.
  static int column_gap(std::string_view line) {
    constexpr std::string_view kSpace = "\u3000";
    for (std::string_view mark : {"，", "。", "；", ",", ";"})
      if (line.find(mark) != std::string_view::npos) return 0;
    auto skip_blank = [&](std::string_view& s) {
      int spaces = 0;
      for (; s.starts_with(kSpace) || s.starts_with(' ') || s.starts_with('\t') || s.starts_with('\r'); ++spaces)
        s.remove_prefix(s.starts_with(kSpace) ? kSpace.size() : 1);
      return spaces;
    };
    skip_blank(line);
    int widest = 0;
    for (std::size_t gap = line.find(kSpace); gap != std::string_view::npos; gap = line.find(kSpace)) {
      line.remove_prefix(gap);
      const int spaces = skip_blank(line);
      if (line.empty()) break;
      const auto next = static_cast<unsigned char>(line.front());
      if (next >= 0xE3 && next <= 0xE9) widest = std::max(widest, spaces);  // U+3400..U+9FFF
    }
    return widest;
  }

  // A line that holds a figure alone ("13 902件", "96.6%") under a line of its label is a
  // data card's value: the next line is the next card's label ("结收比96.6%"), not more of
  // it. (A card may also set its figure over its label, after a blank line: "3 128件" over
  // "受理涉农案件".) Wrapped prose never leaves a figure alone on a line without a mark.
  // (The words that open a change or a share are the layout's, not the rule pack's: the
  // normalizer reads no pack.)
  bool is_figure_line() const {
    constexpr int kMaxUnitChars = 4;
    std::string_view line = line_around(space_begin_);
    if (line.empty()) return false;
    const std::size_t begin = static_cast<std::size_t>(line.data() - source_.data());
    if (begin == 0 || !is_label_line(line_around(begin - 1))) return false;
    // The figure's change or share goes on its card: "14 386件" over "同比上升4.7%".
    for (std::string_view opening : {"同比", "环比", "较", "比", "占"})
      if (source_.substr(space_end_).starts_with(opening)) return false;
    line = line.substr(0, space_begin_ - begin);
    std::size_t pos = 0, digits = 0;
    while (pos < line.size()) {
      if (const std::size_t n = digit_at(begin + pos)) {
        pos += n, ++digits;
      } else if (line[pos] == ' ' || line[pos] == '\t' || (digits > 0 && (line[pos] == '.' || line[pos] == ','))) {
        ++pos;  // indentation, a group's space, a decimal point
      } else if (line.substr(pos).starts_with("\u3000") || (digits > 0 && line.substr(pos).starts_with("．"))) {
        pos += 3;
      } else {
        break;
      }
    }
    if (digits == 0) return false;
    // A year, a month or a day is no figure: a table's heading "2026年" over "上半年" is one date.
    for (std::string_view calendar : {"年", "月", "日"})
      if (line.substr(pos).starts_with(calendar)) return false;
    int unit = 0;
    for (; pos < line.size() && unit <= kMaxUnitChars; ++unit) {
      const Utf8Char ch = decode_utf8(line, pos);
      if (!is_common_ideograph(ch.code_point) && ch.code_point != '%' && ch.code_point != 0xFF05) return false;
      pos += ch.length;
    }
    return pos == line.size() && unit > 0 && unit <= kMaxUnitChars;
  }

  // True when `line` holds a few words and no figure, date or clause's mark: a card's
  // label. (A line of wrapped prose runs to the page's width.)
  bool is_label_line(std::string_view line) const {
    constexpr std::size_t kMaxLabelChars = 16;
    const std::size_t begin = static_cast<std::size_t>(line.data() - source_.data());
    bool words = false;
    std::size_t chars = 0;
    for (std::size_t pos = 0; pos < line.size(); ++chars) {
      if (chars == kMaxLabelChars) return false;
      if (digit_at(begin + pos) > 0) return false;
      const Utf8Char ch = decode_utf8(line, pos);
      if (ch.code_point == 0xFF0C || ch.code_point == 0x3002 || ch.code_point == 0xFF1B || ch.code_point == ',' ||
          ch.code_point == ';')
        return false;
      words = words || is_common_ideograph(ch.code_point);
      pos += ch.length;
    }
    return words;
  }

  // A number alone on its line after a paragraph ("02" over a WeChat section's
  // title "部署会　吹响执行冲锋号") numbers the section: no part of its first line.
  bool is_section_number() {
    const std::string& text = result_.text;
    const std::size_t start = paragraph_start(), size = text.size() - start;
    return size >= 1 && size <= 2 && std::all_of(text.begin() + static_cast<std::ptrdiff_t>(start), text.end(),
                                                 [](char c) { return is_ascii_digit(static_cast<unsigned char>(c)); });
  }

  // A space that groups thousands in a number of Chinese text ("受理案件1 042件",
  // "2 600余吨"): digits before it that follow no ASCII letter, digit group or
  // code, and exactly three digits after it, then Chinese text, a decimal
  // point, the next group or the end. Codes and lists in ASCII context keep
  // their spaces ("ISO 9001 2015").
  bool groups_thousands(unsigned char next_byte) const {
    const std::string& text = result_.text;
    if (!is_ascii_digit(next_byte) || !is_ascii_digit(static_cast<unsigned char>(text.back()))) return false;
    const auto first = number_start(false);
    // A line may open with the number (a figure card: "3 128 件" over "受理涉农案件").
    if (!first || (*first > 0 && static_cast<unsigned char>(text[*first - 1]) < 0x80 && text[*first - 1] != '\n'))
      return false;
    // The group may be wrapped onto the next line or page ("13 4\n57件",
    // "17 4\n\n36件"), and so may what follows it ("1 126\n件", "21 408\n\n件").
    std::size_t pos = space_end_, digits = 0;
    while (pos < source_.size() && digits <= 3) {
      if (std::size_t n = digit_at(pos)) {
        pos += n, ++digits;
      } else if (std::size_t wrap = line_breaks_at(pos); wrap > 0 && pos + wrap < source_.size() && digits > 0 &&
                                                         digit_at(pos + wrap) > 0) {
        pos += wrap;
      } else {
        break;
      }
    }
    if (digits != 3) return false;
    pos += line_breaks_at(pos);
    if (pos == source_.size() || source_[pos] == '.' || static_cast<unsigned char>(source_[pos]) >= 0x80) return true;
    if (source_[pos] != ' ') return false;
    return digit_at(pos + 1) > 0 ||                                             // 1 234 567
           (pos + 1 < source_.size() && static_cast<unsigned char>(source_[pos + 1]) >= 0x80);  // "3 128 件"
  }

  // The length of the source's digit at byte `pos`, ASCII or full-width
  // ("１ ０８６件" is spaced like "1 086件"), or 0.
  std::size_t digit_at(std::size_t pos) const {
    if (pos < source_.size() && is_ascii_digit(static_cast<unsigned char>(source_[pos]))) return 1;
    constexpr std::string_view kFullWidthDigitLead = "\xEF\xBC";  // U+FF10..U+FF19 are EF BC 90..99
    if (source_.compare(pos, 2, kFullWidthDigitLead) == 0 && pos + 2 < source_.size()) {
      const auto last = static_cast<unsigned char>(source_[pos + 2]);
      if (last >= 0x90 && last <= 0x99) return 3;
    }
    return 0;
  }

  // The length of the line breaks at source byte `pos`, blank lines and all, or 0.
  std::size_t line_breaks_at(std::size_t pos) const {
    std::size_t end = pos;
    while (end < source_.size() && (source_[end] == '\n' || source_[end] == '\r')) ++end;
    return end - pos;
  }

  // A single line break between two digits of a number in Chinese text: the
  // digits before it follow no ASCII character ("判处罪犯1\n389人", not "v2\n3").
  bool wraps_number(unsigned char next_byte) const {
    const std::string& text = result_.text;
    if (!is_ascii_digit(next_byte) || !is_ascii_digit(static_cast<unsigned char>(text.back()))) return false;
    const auto first = number_start(true);
    return first && *first > 0 && static_cast<unsigned char>(text[*first - 1]) >= 0x80;
  }

  // Where the number that ends the text so far starts: its digits, and with
  // `separators` its '.' and ','. Nothing when the run is longer than numbers
  // are: stopping there keeps a long run of spaced or wrapped digits linear.
  std::optional<std::size_t> number_start(bool separators) const {
    constexpr std::size_t kMaxNumberBytes = 24;
    const std::string& text = result_.text;
    std::size_t first = text.size();
    auto in_number = [&](unsigned char c) { return is_ascii_digit(c) || (separators && (c == '.' || c == ',')); };
    while (first > 0 && in_number(static_cast<unsigned char>(text[first - 1]))) {
      if (text.size() - first >= kMaxNumberBytes) return std::nullopt;
      --first;
    }
    return first;
  }

  // A blank line inside a sentence: PDF extraction puts one where a page or
  // column ends ("1.08 亿\n\n元", "化解债务\n\n41.8亿元", "成功率5\n\n7.85%").
  // It is taken for that when a paragraph of some length (not a heading) stops
  // on a Han character, a digit, a percent sign or a comma and the next line goes on with a Han
  // character or a digit, not with a numbered heading ("二、", "(三)", "4.").
  bool is_page_break(unsigned char next_byte) {
    constexpr std::size_t kMinParagraphBytes = 16 * 3, kRecentBytes = 160 * 3;
    const std::string& text = result_.text;
    const std::size_t start = paragraph_start();
    // Both sides must be ideographs or digits: lead bytes E3..E9 cover U+3400..U+9FFF.
    auto ideograph_lead = [](unsigned char b) { return b >= 0xE3 && b <= 0xE9; };
    // An enumeration goes on, however short the line it broke: "大会由院党组副书记、" then
    // "副院长某某主持".
    if (text.ends_with("、") && text[start] != '#' && (ideograph_lead(next_byte) || is_ascii_digit(next_byte)) &&
        !opens_numbered_heading(space_end_))
      return true;
    if (text.size() - start < kMinParagraphBytes || text[start] == '#') return false;
    // Running text has clauses; a title block ("…工作报告——…会议上") has none
    // and its blank line is a real break. (Looked for near the end only, so
    // that a long paragraph is not rescanned at every blank line.)
    const std::string_view recent = std::string_view(text).substr(text.size() - std::min(text.size() - start, kRecentBytes));
    if (recent.find_first_of(",;") == std::string_view::npos && recent.find("。") == std::string_view::npos) return false;
    if (!ideograph_lead(next_byte) && !is_ascii_digit(next_byte)) return false;
    if (opens_numbered_heading(space_end_) || opens_labeled_field(space_end_)) return false;
    std::size_t last = text.size() - 1;
    if (is_ascii_digit(static_cast<unsigned char>(text[last])) || text[last] == ',' || text[last] == '%')
      return true;  // "16.4%\n\n和9.8%": a list of figures goes on
    if (text[last] == '.' && last > start && is_ascii_digit(static_cast<unsigned char>(text[last - 1])) &&
        is_ascii_digit(next_byte))
      return true;  // "92.\n\n31%": a decimal split
    while (last > start && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
    if (!ideograph_lead(static_cast<unsigned char>(text[last]))) return false;
    const Utf8Char before = decode_utf8(text, last);
    return before.valid && is_common_ideograph(before.code_point);
  }

  // Where the page number that opens a line at `pos` ends ("— 3 —", "－4－", "·2·",
  // "- 12 -" alone on its line), or kNone. PDF extraction leaves the number of
  // each page in the text, often inside a sentence; it is read as white space,
  // so that the sentence goes on across it (see is_page_break).
  std::size_t page_number_end(std::size_t pos) const {
    auto skip = [&](auto&& is_member) {
      std::size_t n = 0;
      for (Utf8Char c; pos < source_.size() && (c = decode_utf8(source_, pos)).valid && is_member(c.code_point); ++n)
        pos += c.length;
      return n;
    };
    auto blank = [](char32_t c) { return line_breaks_of(c) == 0; };
    // Dashes, or the dots some pages set instead ("·2·").
    auto dash = [](char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0xFF0D || c == 0xB7 || c == 0x30FB; };
    auto digit = [](char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); };
    if (skip(dash) == 0) return kNone;
    skip(blank);
    const std::size_t digits = skip(digit);
    if (digits == 0 || digits > 3) return kNone;
    skip(blank);
    if (skip(dash) == 0) return kNone;
    const std::size_t end = pos;
    skip(blank);
    return pos < source_.size() && line_breaks_of(decode_utf8(source_, pos).code_point) > 0 ? end : kNone;
  }

  // True when the line at `pos` opens with a short label and its bar or colon, a
  // credit ("文/图｜某某", "编辑：某某"): a field of its own, not running text
  // that a page break cut. With `colon_only`, a label before a colon only.
  bool opens_labeled_field(std::size_t pos, bool colon_only = false) const {
    // A field's label is short; a list's by department may name a longer one ("民事审判第二庭：").
    const std::size_t max_label_chars = colon_only ? 8 : 4;
    for (std::size_t chars = 0; chars <= max_label_chars && pos < source_.size(); ++chars) {
      const Utf8Char c = decode_utf8(source_, pos);
      if (!c.valid) return false;
      if (c.code_point == 0xFF1A || c.code_point == ':') return chars > 0;
      if (!colon_only && (c.code_point == 0xFF5C || c.code_point == kBarIdeograph || c.code_point == '|'))
        return chars > 0;
      if (!is_common_ideograph(c.code_point) && c.code_point != '/') return false;
      pos += c.length;
    }
    return false;
  }

  // True when the next line opens the next item of a numbered list whose items
  // close with no punctuation ("1. 某某（女，壮族），某院一级法官助理" over "2. …"):
  // each item is a paragraph of its own, however its lines wrap. (Items closed by
  // a semicolon go on as one sentence, see resolve_white_space.)
  bool is_next_list_item() {
    const std::string& text = result_.text;
    if (text.back() == ';' || !opens_numbered_heading(space_end_)) return false;
    const std::string_view paragraph = std::string_view(text).substr(paragraph_start());
    std::size_t digits = 0;
    while (digits < paragraph.size() && digits < 4 && is_ascii_digit(static_cast<unsigned char>(paragraph[digits]))) ++digits;
    return digits > 0 && digits < 4 && digits < paragraph.size() && paragraph[digits] == '.';
  }

  // True when the source at `pos` opens a numbered heading or list item:
  // "二、", "(三)", "（四）", "4.", "5、"; not a decimal number ("41.8").
  bool opens_numbered_heading(std::size_t pos) const {
    static constexpr std::string_view kNumerals = "一二三四五六七八九十";
    auto char_at = [&](std::size_t at) -> std::string_view {
      const Utf8Char c = decode_utf8(source_, at);
      return at < source_.size() && c.valid ? source_.substr(at, c.length) : std::string_view{};
    };
    std::string_view ch = char_at(pos);
    const bool bracketed = ch == "(" || ch == "（";
    if (bracketed) pos += ch.size();
    std::size_t numerals = 0;
    for (ch = char_at(pos); !ch.empty() && (kNumerals.find(ch) != std::string_view::npos || digit_at(pos) > 0);
         ch = char_at(pos)) {
      pos += ch.size();
      ++numerals;
    }
    if (numerals == 0 || numerals > 3) return false;
    if (bracketed) return ch == ")" || ch == "）";
    if (ch == "、") return true;
    return (ch == "." || ch == "．") && digit_at(pos + ch.size()) == 0;  // "41.8亿元" is a number
  }

  // Where the output's last paragraph starts. Only the text added since the
  // last call is searched, which keeps many blank lines in one long
  // paragraph linear.
  std::size_t paragraph_start() {
    const std::string_view fresh = std::string_view(result_.text).substr(newline_scanned_);
    if (const std::size_t nl = fresh.rfind('\n'); nl != std::string_view::npos) paragraph_start_ = newline_scanned_ + nl + 1;
    newline_scanned_ = result_.text.size();
    return paragraph_start_;
  }

  std::string_view source_;
  const icu::Normalizer2* nfkc_;
  NormalizedText result_;

  std::size_t copy_begin_ = kNone;  // start of the run being copied unchanged
  std::size_t last_char_begin_ = 0;  // start of the last character of that run

  bool space_pending_ = false;  // a white space run awaits the next character
  std::size_t space_begin_ = 0, space_end_ = 0;
  std::size_t space_breaks_ = 0;
  bool space_previous_cr_ = false;  // so that CR LF counts as one line break
  bool space_ideographic_ = false;  // the run holds an ideographic space (a column's gap)

  std::size_t paragraph_start_ = 0, newline_scanned_ = 0;
};

}  // namespace

NormalizedText normalize_text(std::string_view source) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
  return Normalizer(source, U_SUCCESS(error) ? nfkc : nullptr).run();
}

}  // namespace reportex::internal::text
