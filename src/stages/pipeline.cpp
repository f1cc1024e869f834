#include "stages/stage.hpp"

namespace reportex::internal {

const std::vector<Stage>& pipeline() {
  static const std::vector<Stage> stages = {
      {"articles", split_articles},
      {"organizations", resolve_organizations},
      {"dates", resolve_dates},
      {"people", link_people},
      {"attribution", attribute_counts},
      {"meetings", link_meetings},
  };
  return stages;
}

}  // namespace reportex::internal
