#include <reportex/record.hpp>

#include <algorithm>

namespace reportex {

namespace {
auto lower(const std::vector<Fields::Entry>& entries, std::string_view name) {
  return std::lower_bound(entries.begin(), entries.end(), name,
                          [](const Fields::Entry& e, std::string_view n) { return e.first < n; });
}
}  // namespace

const Value* Fields::find(std::string_view name) const noexcept {
  auto it = lower(entries_, name);
  return it != entries_.end() && it->first == name ? &it->second : nullptr;
}

void Fields::set(std::string_view name, Value value) {
  auto it = lower(entries_, name);
  if (it != entries_.end() && it->first == name) {
    entries_[static_cast<std::size_t>(it - entries_.begin())].second = std::move(value);
    return;
  }
  entries_.insert(entries_.begin() + (it - entries_.begin()), Entry{std::string(name), std::move(value)});
}

bool Fields::erase(std::string_view name) {
  auto it = lower(entries_, name);
  if (it == entries_.end() || it->first != name) return false;
  entries_.erase(entries_.begin() + (it - entries_.begin()));
  return true;
}

std::optional<std::string> Fields::text(std::string_view name) const {
  const Value* v = find(name);
  if (v == nullptr) return std::nullopt;
  if (const auto* s = std::get_if<std::string>(v)) return *s;
  return std::nullopt;
}

std::optional<double> Fields::number(std::string_view name) const {
  const Value* v = find(name);
  if (v == nullptr) return std::nullopt;
  if (const auto* i = std::get_if<std::int64_t>(v)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(v)) return *d;
  return std::nullopt;
}

std::vector<std::string> Fields::list(std::string_view name) const {
  const Value* v = find(name);
  if (v == nullptr) return {};
  if (const auto* l = std::get_if<std::vector<std::string>>(v)) return *l;
  if (const auto* s = std::get_if<std::string>(v)) return {*s};
  return {};
}

std::optional<CaseCount> CaseCount::from(const Record& r) {
  if (r.type != "case_count") return std::nullopt;
  const Fields& f = r.fields;
  return CaseCount{f.text("subject").value_or(""), f.number("count").value_or(0), f.text("unit").value_or(""),
                   f.text("org"), f.text("period"), f.text("approx")};
}

std::optional<Money> Money::from(const Record& r) {
  if (r.type != "money") return std::nullopt;
  const Fields& f = r.fields;
  return Money{f.text("subject").value_or(""), f.number("amount_yuan").value_or(0), f.text("org"),
               f.text("period"), f.text("approx")};
}

std::optional<Quantity> Quantity::from(const Record& r) {
  if (r.type != "quantity") return std::nullopt;
  const Fields& f = r.fields;
  return Quantity{f.text("subject").value_or(""), f.number("value").value_or(0), f.text("unit").value_or(""),
                  f.text("org"), f.text("period"), f.text("approx")};
}

std::optional<Percent> Percent::from(const Record& r) {
  if (r.type != "percent") return std::nullopt;
  const Fields& f = r.fields;
  return Percent{f.text("subject").value_or(""), f.number("value").value_or(0), f.text("direction")};
}

std::optional<DateMention> DateMention::from(const Record& r) {
  if (r.type != "date") return std::nullopt;
  const Fields& f = r.fields;
  return DateMention{f.text("value").value_or(""), f.text("granularity").value_or(""), f.text("kind").value_or(""),
                     f.text("start"), f.text("end"), f.text("year_source")};
}

std::optional<Person> Person::from(const Record& r) {
  if (r.type != "person") return std::nullopt;
  const Fields& f = r.fields;
  return Person{f.text("name").value_or(""), f.list("titles"), f.text("org"), f.text("role")};
}

std::optional<Organization> Organization::from(const Record& r) {
  if (r.type != "organization") return std::nullopt;
  const Fields& f = r.fields;
  return Organization{f.text("name").value_or(""), f.list("aliases"), f.text("kind")};
}

std::optional<Meeting> Meeting::from(const Record& r) {
  if (r.type != "meeting") return std::nullopt;
  const Fields& f = r.fields;
  return Meeting{f.text("name").value_or(""), f.text("date"), f.text("organizer"), f.text("kind"),
                 f.text("location"), f.list("presiders"), f.list("attendees"), f.list("speakers")};
}

}  // namespace reportex
