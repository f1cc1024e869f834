// Splits a page into articles. Rules mark where articles start (datelines
// such as "赤峰讯", bylines) and end (end credits such as "(张丽)") with
// records of the internal types article_start and article_end; this stage
// turns those marks into paragraph ranges. Headline paragraphs right before a
// start mark belong to the article that starts there. The titles listed under
// a link_list heading ("往期推荐") are other articles': their records go.

#include "stages/stage.hpp"

namespace reportex::internal {

namespace {

// Short and without sentence punctuation: a title line, not running text.
bool looks_like_headline(std::string_view p) {
  constexpr std::size_t kMaxHeadlineBytes = 40 * 3;
  if (p.size() > kMaxHeadlineBytes) return false;
  for (std::string_view mark : {"。", "，", ",", "；", ";", "：", ":"})
    if (p.find(mark) != std::string_view::npos) return false;
  return true;
}

// A link's title: a line without a sentence's end, as long as titles are.
bool looks_like_link_title(std::string_view p) {
  constexpr std::size_t kMaxTitleBytes = 64 * 3;
  return p.size() <= kMaxTitleBytes && p.find("。") == std::string_view::npos;
}

// Drops the records of the paragraphs a link_list heading lists: each title a
// paragraph of its own, up to the first paragraph that is no title or is a
// credit line (the pack's articles.credit_line).
void drop_link_titles(StageContext& ctx) {
  const auto& paragraphs = ctx.doc.paragraphs();
  std::vector<char> listed(paragraphs.size(), 0);
  const RE2& credit_line = ctx.pattern("articles.credit_line");
  for (const auto& r : ctx.records) {
    if (r.type != "link_list" || r.paragraph < 0) continue;
    for (std::size_t p = static_cast<std::size_t>(r.paragraph) + 1; p < paragraphs.size(); ++p) {
      const Span& s = paragraphs[p].normalized;
      const std::string_view text = std::string_view(ctx.doc.text()).substr(s.begin, s.size());
      if (listed[p] != 0 || !looks_like_link_title(text) ||
          RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), credit_line))
        break;
      listed[p] = 1;
    }
  }
  for (auto& r : ctx.records)
    if (r.paragraph >= 0 && static_cast<std::size_t>(r.paragraph) < listed.size() && listed[static_cast<std::size_t>(r.paragraph)] != 0 &&
        !r.dropped) {
      ctx.note("articles: {} '{}' is in the title of a listed link; dropped", r.type, ctx.text(r));
      r.dropped = true;
    }
}

}  // namespace

void split_articles(StageContext& ctx) {
  drop_link_titles(ctx);
  // A work report ("…法院工作报告") is titled so in its first paragraphs.
  ctx.work_report = false;
  for (std::size_t p = 0; p < std::min<std::size_t>(ctx.doc.paragraphs().size(), 5) && !ctx.work_report; ++p) {
    const Span& span = ctx.doc.paragraphs()[p].normalized;
    ctx.work_report = first_entry_in(ctx.lexicon("work_report_title"),
                                     std::string_view(ctx.doc.text()).substr(span.begin, span.size())) != std::string_view::npos;
  }
  const auto& paragraphs = ctx.doc.paragraphs();
  const int count = static_cast<int>(paragraphs.size());
  std::vector<char> starts(static_cast<std::size_t>(count), 0), ends(static_cast<std::size_t>(count), 0);
  for (const auto& r : ctx.records) {
    if (r.paragraph < 0 || r.paragraph >= count) continue;
    if (r.type == "article_start") starts[static_cast<std::size_t>(r.paragraph)] = 1;
    if (r.type == "article_end") ends[static_cast<std::size_t>(r.paragraph)] = 1;
  }

  ctx.paragraph_article.assign(static_cast<std::size_t>(count), 0);
  ctx.articles.clear();
  ctx.articles.push_back({0, count > 0 ? count - 1 : 0});
  bool has_body = false;
  int headline_run = -1;  // first paragraph of the trailing run of headlines, if any
  for (int p = 0; p < count; ++p) {
    const Span& s = paragraphs[static_cast<std::size_t>(p)].normalized;
    std::string_view text = std::string_view(ctx.doc.text()).substr(s.begin, s.size());
    const bool start = starts[static_cast<std::size_t>(p)] != 0;
    if (start && has_body) {
      int first = headline_run >= 0 ? headline_run : p;
      ctx.articles.back().last_paragraph = first - 1;
      ctx.articles.push_back({first, count - 1});
      for (int q = first; q < p; ++q) ctx.paragraph_article[static_cast<std::size_t>(q)] = static_cast<int>(ctx.articles.size()) - 1;
      ctx.note("articles: article {} starts at paragraph {}", ctx.articles.size() - 1, first);
      has_body = false;
    }
    ctx.paragraph_article[static_cast<std::size_t>(p)] = static_cast<int>(ctx.articles.size()) - 1;
    if (looks_like_headline(text)) {
      // A short start mark alone (a byline) is not body; a headline is pulled
      // into the article a later mark starts.
      if (!start && headline_run < 0) headline_run = p;
    } else {
      headline_run = -1;
      has_body = true;  // running text, even on the paragraph of a dateline
    }
    if (ends[static_cast<std::size_t>(p)] != 0 && p + 1 < count) {
      ctx.articles.back().last_paragraph = p;
      ctx.articles.push_back({p + 1, count - 1});
      ctx.note("articles: article {} ends at paragraph {} (end credit)", ctx.articles.size() - 2, p);
      has_body = false;
      headline_run = -1;
    }
  }
  for (auto& r : ctx.records)
    if (r.paragraph >= 0 && r.paragraph < count) r.article = ctx.paragraph_article[static_cast<std::size_t>(r.paragraph)];
}

}  // namespace reportex::internal
