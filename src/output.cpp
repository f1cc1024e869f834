#include <reportex/output.hpp>

#include <nlohmann/json.hpp>

#include <ostream>

namespace reportex {

namespace {

nlohmann::json to_json(const Value& value) {
  return std::visit(
      [](const auto& v) -> nlohmann::json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) return nullptr;
        else return v;
      },
      value);
}

std::string plain(const Value& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* l = std::get_if<std::vector<std::string>>(&value)) {
    std::string out;
    for (const auto& item : *l) out += (out.empty() ? "" : "、") + item;
    return "[" + out + "]";
  }
  if (std::holds_alternative<std::monostate>(value)) return "null";
  return to_json(value).dump();
}

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

// Exactly `width` columns, the last one blank; cut at a character boundary, with … when cut.
std::string fit(std::string_view s, std::size_t width) {
  std::string out;
  std::size_t used = 0;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = std::min<std::size_t>(c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4, s.size() - i);
    std::size_t w = n >= 3 ? 2 : 1;
    if (s[i] == '\n') {
      out += ' ';
      used += 1;
      i += 1;
      continue;
    }
    if (used + w > width - 1) {  // one column stays free to separate the next
      if (used + 1 <= width - 1) {
        out += "…";
        used += 1;
      }
      break;
    }
    out.append(s.substr(i, n));
    used += w;
    i += n;
  }
  out.append(width > used ? width - used : 0, ' ');
  return out;
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) noexcept {
  if (name == "jsonl") return Format::jsonl;
  if (name == "csv") return Format::csv;
  if (name == "table") return Format::table;
  return std::nullopt;
}

std::string to_json_line(std::string_view doc, const Record& record, std::string_view encoding) {
  nlohmann::ordered_json j;
  j["doc"] = doc;
  j["type"] = record.type;
  j["start"] = record.span.begin;
  j["end"] = record.span.end;
  j["text"] = record.text;
  j["rule"] = record.rule;
  j["article"] = record.article;
  nlohmann::ordered_json fields = nlohmann::ordered_json::object();
  for (const auto& [name, value] : record.fields) fields[name] = to_json(value);
  j["fields"] = std::move(fields);
  if (record.mentions.size() > 1) {
    auto spans = nlohmann::ordered_json::array();
    for (const auto& m : record.mentions) spans.push_back({m.begin, m.end});
    j["mentions"] = std::move(spans);
  }
  if (encoding != "utf-8") j["encoding"] = encoding;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

RecordWriter::RecordWriter(std::ostream& out, Format format, bool with_header)
    : out_(&out), format_(format), header_written_(!with_header) {}

void RecordWriter::write(std::string_view doc, const std::vector<Record>& records, std::string_view encoding) {
  std::ostream& out = *out_;
  switch (format_) {
    case Format::jsonl:
      for (const auto& r : records) out << to_json_line(doc, r, encoding) << '\n';
      break;
    case Format::csv:
      if (!header_written_) out << "doc,type,start,end,text,rule,article,fields\n";
      for (const auto& r : records) {
        nlohmann::ordered_json fields = nlohmann::ordered_json::object();
        for (const auto& [name, value] : r.fields) fields[name] = to_json(value);
        out << csv_cell(std::string(doc)) << ',' << r.type << ',' << r.span.begin << ',' << r.span.end << ','
            << csv_cell(r.text) << ',' << csv_cell(r.rule) << ',' << r.article << ','
            << csv_cell(fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) << '\n';
      }
      break;
    case Format::table:
      if (!header_written_)
        out << fit("doc", 26) << fit("type", 14) << fit("source text", 34) << "fields\n"
            << std::string(114, '-') << '\n';
      for (const auto& r : records) {
        std::string fields;
        for (const auto& [name, value] : r.fields) {
          if (std::holds_alternative<std::monostate>(value)) continue;
          fields += (fields.empty() ? "" : "  ") + name + "=" + plain(value);
        }
        out << fit(doc, 26) << fit(r.type, 14) << fit(r.text, 34) << fields << '\n';
      }
      break;
  }
  header_written_ = true;
}

}  // namespace reportex
